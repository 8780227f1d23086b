import type { Principal, Resource } from "@cerbos/core";
import type { FindAttributeOptions, Model, ModelStatic, Order, WhereOptions } from "sequelize";
import { internal, PdpUnavailable, pdpUnavailable } from "../errors.ts";
import {
  authorizeInstance,
  type Disagreement,
  isCheckResourcesAnswerError,
  isResourceMappingError,
  isUnsupportedQueryPlanError,
  authorizedFindAndCountAll as libraryFindAndCountAll,
  type Mapper,
  withExtraAttributes,
} from "./adapter.ts";
import type { Pdp } from "./pdp.ts";

// THE authorization primitives of the API: every list goes through authorizedFindAndCountAll
// (@repo/authz's one-call authorized query: one PlanResources per action in parallel, the
// flags in SQL over the page, no CheckResources unless `verify: "check"`), every decision on
// one row through authorizedRow (the library's authorizeInstance), and a check of several
// resources at once (a draft beside its parent, a missing user) through authorizedCheck.

/** The PDP's `maxResourcesPerRequest` (packages/pdp/cerbos.yaml): an on-demand check asks about at most this many. */
export const maxResourcesPerCheck = 50;

/** One statement per value of `attribute` (the library's `partition`; single statement on Postgres). */
export interface ListPartition {
  attribute: string;
  values: readonly number[];
}

/** How a list decides its rows: `off` (default) the plans in SQL only; `check` also one batched CheckResources over the page. */
export type ListVerify = "off" | "check";

export interface Decider {
  cerbos: Pick<Pdp, "planResources" | "checkResources">;
  principal: Principal;
  /** Sent with each PDP call; the PDP's audit log records it. */
  requestId?: string;
}

export interface AuthorizedListAuth<Flag extends string> extends Decider {
  kind: string;
  action: string;
  /** Actions decided per returned row (`can[i][flag]`), in SQL over the page. */
  flags: readonly Flag[];
  mapper: Mapper;
  /** `check`: CheckResources over the page too; a row it denies is withheld, a flag takes its answer. */
  verify?: ListVerify;
  /** Told about each row the plans and CheckResources decide differently (only with `verify: "check"`). */
  onDisagreement?(disagreement: Disagreement): void;
}

export interface AuthorizedListQuery<M extends Model> {
  /** The app's filter, AND-ed with the authorization filter (never OR-ed). */
  where?: WhereOptions;
  order: Order;
  limit: number;
  offset?: number;
  attributes?: FindAttributeOptions;
  /** Keyset paging: the rows after a cursor. Restricts the page, not the count. */
  after?: WhereOptions;
  /**
   * The page as one sorted, LIMITed statement per value of `attribute`, merged (SQLite cannot
   * walk an (attribute, sort key, id) index under `attribute IN (…)`: it sorts every visible
   * row). Rows outside `values` leave the page and the count.
   */
  partition?: ListPartition;
  /** false: skip the exact count (it is then reported as -1). */
  count?: boolean;
  /** Reads the page's rows by primary key with what the views need (default: the page query's own rows). */
  load?(options: { where: WhereOptions; attributes?: FindAttributeOptions }): Promise<M[]>;
}

export interface AuthorizedPage<M extends Model, Flag extends string> {
  rows: M[];
  /** Every row matching `where` the principal may `action`, not only this page. */
  count: number;
  /** `can[i][flag]`: whether `flag` is allowed on `rows[i]` (and `read`: always true). */
  can: Record<Flag | "read", boolean>[];
  /** The PlanResources call id of each action. */
  cerbosCallIds: Record<string, string>;
  /** The CheckResources call ids of `verify: "check"` (empty otherwise). */
  checkCallIds: string[];
  /** Rows follow this page. */
  hasMore: boolean;
  /** The plan for `action` was ALWAYS_DENIED: no query ran. */
  denied: boolean;
}

/** The rows of `model` the principal may `action`, filtered, sorted, paged and counted in the database. */
export async function authorizedFindAndCountAll<M extends Model, Flag extends string>(
  model: ModelStatic<M>,
  auth: AuthorizedListAuth<Flag>,
  query: AuthorizedListQuery<M>,
): Promise<AuthorizedPage<M, Flag>> {
  const { load, attributes } = query;
  const page = await pdpCall(`the ${auth.kind} ${auth.action} list`, () =>
    libraryFindAndCountAll(
      model,
      {
        cerbos: auth.cerbos,
        principal: auth.principal,
        requestId: auth.requestId,
        kind: auth.kind,
        action: auth.action,
        flags: auth.flags,
        mapper: auth.mapper,
        count: query.count,
        verify: auth.verify === "check" ? "check" : undefined,
        onDisagreement: (disagreement) => auth.onDisagreement?.(disagreement),
      },
      {
        where: query.where,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
        attributes,
        after: query.after,
        ...(query.partition === undefined ? {} : { partition: query.partition }),
        // `where`: the page's keys and the authorized filter, so a row that changed after the
        // page query into one the caller may not read is left out.
        // The flags' columns ride on the load (one statement fewer per list; a kind's loader
        // passes `attributes` through).
        load:
          load &&
          ((_keys, where, extra) => load({ where, attributes: withExtraAttributes(attributes, extra.attributes) })),
      },
    ),
  );
  return {
    rows: page.rows,
    count: page.count ?? -1,
    can: page.can, // the library's: `read` (the action) is true on every row
    cerbosCallIds: page.cerbosCallIds,
    checkCallIds: page.checkCallIds,
    hasMore: page.hasMore,
    denied: page.denied,
  };
}

/**
 * One CheckResources call on a loaded row (or an unsaved draft, named by `id`, e.g. "new"):
 * whether each action is allowed, and the call id. The resource is built with the kind's mapper.
 */
export async function authorizedRow<Action extends string>(
  decider: Decider,
  row: Model,
  options: { kind: string; mapper: Mapper; actions: readonly Action[]; id?: string },
): Promise<{ allowed: Record<Action, boolean>; cerbosCallId: string }> {
  const { allowed, cerbosCallId } = await pdpCall(`a ${options.kind} check`, () =>
    authorizeInstance(row, {
      cerbos: decider.cerbos,
      principal: decider.principal,
      requestId: decider.requestId,
      kind: options.kind,
      mapper: options.mapper,
      actions: [...new Set(options.actions)],
      id: options.id,
    }),
  );
  return { allowed, cerbosCallId };
}

/**
 * One CheckResources call for every resource given (at most `maxResourcesPerCheck`): per entry,
 * whether each of its actions is allowed. Fails closed: an unreachable PDP → SERVICE_UNAVAILABLE;
 * attributes the PDP's schemas reject → INTERNAL_SERVER_ERROR (a bug of the app, not a denial).
 */
export async function authorizedCheck(
  decider: Decider,
  entries: { resource: Resource; actions: readonly string[] }[],
): Promise<{ results: Record<string, boolean>[]; cerbosCallId: string }> {
  if (entries.length > maxResourcesPerCheck) {
    throw internal(`a check of ${entries.length} resources exceeds the PDP limit of ${maxResourcesPerCheck}`);
  }
  const response = await pdpCall("a check", () =>
    decider.cerbos.checkResources({
      principal: decider.principal,
      resources: entries.map(({ resource, actions }) => ({ resource, actions: [...new Set(actions)] })),
      requestId: decider.requestId,
    }),
  );
  const invalid = response.results.find((result) => result.validationErrors.length > 0);
  if (invalid) {
    throw internal(
      `the PDP rejected the attributes of ${invalid.resource.kind} ${invalid.resource.id}: ${JSON.stringify(invalid.validationErrors)}`,
    );
  }
  if (response.results.length !== entries.length) {
    throw internal(`the PDP answered ${response.results.length} results for ${entries.length} resources`);
  }
  const results = entries.map(({ actions }, index) =>
    Object.fromEntries(actions.map((action) => [action, response.results[index]?.isAllowed(action) === true])),
  );
  return { results, cerbosCallId: response.cerbosCallId };
}

/**
 * Fails closed with an answer a client can act on: an unreachable or slow PDP → SERVICE_UNAVAILABLE;
 * a plan that cannot be translated exactly, a PDP answer that is not a clear decision, a row the
 * mapper cannot build → INTERNAL_SERVER_ERROR (the reason is logged, never returned).
 */
async function pdpCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PdpUnavailable) throw pdpUnavailable(error);
    if (isUnsupportedQueryPlanError(error)) {
      throw internal(`${what}: a plan cannot be translated to SQL: ${error.message}`, error);
    }
    if (isCheckResourcesAnswerError(error)) throw internal(`${what}: ${error.message}`, error);
    if (isResourceMappingError(error)) throw internal(`${what}: ${error.message}`, error);
    throw error;
  }
}
