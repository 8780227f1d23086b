import type { Principal, Resource } from "@cerbos/core";
import { type FindAttributeOptions, type Model, type ModelStatic, Op, type Order, type WhereOptions } from "sequelize";
import { internal, PdpUnavailable, pdpUnavailable } from "../errors.ts";
import { type Mapper, PlanKind, queryPlanToSequelize, toCerbosResource, UnsupportedQueryPlanError } from "./adapter.ts";
import type { Pdp } from "./pdp.ts";

// THE authorization primitive of the API: every list goes through authorizedFindAndCountAll and
// every single-resource decision through authorizedCheck. The shape is @repo/authz's one-call
// authorized query (issue 12); the mechanics are today's (PlanResources → WHERE → page → count →
// ONE batched CheckResources for the page's flags). When the library ships it, this file is the
// one that changes.

/** The PDP's `maxResourcesPerRequest` (packages/pdp/cerbos.yaml): a page is checked in one call. */
export const maxResourcesPerCheck = 50;

export interface Decider {
  cerbos: Pick<Pdp, "planResources" | "checkResources">;
  principal: Principal;
  /** Sent with each PDP call; the PDP's audit log records it. */
  requestId?: string;
}

export interface AuthorizedListAuth<Flag extends string> extends Decider {
  kind: string;
  action: string;
  /** Actions decided per returned row (`can[i][flag]`). */
  flags: readonly Flag[];
  mapper: Mapper;
  /** Told about a row the plan allowed and the check denied (it is withheld). */
  onWithheld?(id: unknown): void;
}

export interface AuthorizedListQuery<M extends Model> {
  /** The app's filter, AND-ed with the authorization filter (never OR-ed). */
  where?: WhereOptions;
  order: Order;
  /** At most `maxResourcesPerCheck`. */
  limit: number;
  offset?: number;
  attributes?: FindAttributeOptions;
  /** Keyset paging: the rows after a cursor. Restricts the page, not the count. */
  after?: WhereOptions;
  /** false: skip the exact count (it is then reported as -1). */
  count?: boolean;
  /** Reads the page's rows by primary key with what their resources need (default: a plain findAll). */
  load?(options: { where: WhereOptions; attributes?: FindAttributeOptions }): Promise<M[]>;
}

export interface AuthorizedPage<M extends Model, Flag extends string> {
  rows: M[];
  /** Every row matching `where` the principal may `action`, not only this page. */
  count: number;
  /** `can[i][flag]`: whether `flag` is allowed on `rows[i]`. */
  can: Record<Flag, boolean>[];
  /** The Cerbos call id behind each decided action. */
  cerbosCallIds: Record<string, string>;
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
  if (query.limit > maxResourcesPerCheck) throw internal(`a page of ${query.limit} exceeds ${maxResourcesPerCheck}`);
  const plan = await pdpCall(() =>
    auth.cerbos.planResources({
      principal: auth.principal,
      resource: { kind: auth.kind },
      action: auth.action,
      requestId: auth.requestId,
    }),
  );
  const cerbosCallIds: Record<string, string> = { [auth.action]: plan.cerbosCallId };
  if (plan.validationErrors.length > 0) {
    throw internal(`the PDP rejected the principal for a ${auth.kind} plan: ${JSON.stringify(plan.validationErrors)}`);
  }
  const filter = translate(plan, model, auth);
  if (filter === undefined) return { rows: [], count: 0, can: [], cerbosCallIds, hasMore: false, denied: true };

  const where: WhereOptions = { [Op.and]: [filter, query.where ?? {}] };
  const pk = model.primaryKeyAttribute;
  const [count, keys] = await Promise.all([
    query.count === false ? -1 : model.count({ where }),
    model.findAll({
      attributes: [pk],
      where: query.after ? { [Op.and]: [where, query.after] } : where,
      order: query.order,
      limit: query.limit + 1,
      offset: query.offset,
      raw: true,
    }) as unknown as Promise<Record<string, unknown>[]>,
  ]);
  const ids = keys.slice(0, query.limit).map((key) => key[pk]);
  const loaded = ids.length === 0 ? [] : await loadByIds(model, query, { [pk]: { [Op.in]: ids } });
  const byId = new Map(loaded.map((row) => [row.get(pk), row]));
  const page = ids.flatMap((id) => byId.get(id) ?? []);

  const rows: M[] = [];
  const can: Record<Flag, boolean>[] = [];
  if (page.length > 0) {
    const actions = [auth.action, ...auth.flags];
    const decided = await authorizedCheck(
      auth,
      page.map((row) => ({ resource: rowResource(row, auth), actions })),
    );
    for (const flag of auth.flags) cerbosCallIds[flag] = decided.cerbosCallId;
    page.forEach((row, index) => {
      const decision = decided.results[index];
      // The plan said allowed; if the check disagrees, the row is withheld (fail closed).
      if (decision?.[auth.action] !== true) {
        auth.onWithheld?.(row.get(pk));
        return;
      }
      rows.push(row);
      can.push(Object.fromEntries(auth.flags.map((flag) => [flag, decision[flag] === true])) as Record<Flag, boolean>);
    });
  }
  return { rows, count, can, cerbosCallIds, hasMore: keys.length > query.limit, denied: false };
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
  const response = await pdpCall(() =>
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

async function pdpCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof PdpUnavailable ? pdpUnavailable(error) : error;
  }
}

/** The plan as a WHERE; undefined for ALWAYS_DENIED. Untranslatable → a server error, never a wider filter. */
function translate(
  queryPlan: Awaited<ReturnType<Pdp["planResources"]>>,
  model: ModelStatic<Model>,
  auth: { kind: string; action: string; mapper: Mapper },
): WhereOptions | undefined {
  try {
    const result = queryPlanToSequelize({ queryPlan, model, mapper: auth.mapper });
    if (result.kind === PlanKind.ALWAYS_DENIED) return undefined;
    return result.kind === PlanKind.CONDITIONAL ? result.where : {};
  } catch (error) {
    if (error instanceof UnsupportedQueryPlanError) {
      throw internal(`the ${auth.kind} ${auth.action} plan cannot be translated to SQL: ${error.message}`, error);
    }
    throw error;
  }
}

function loadByIds<M extends Model>(model: ModelStatic<M>, query: AuthorizedListQuery<M>, where: WhereOptions) {
  const options = query.attributes === undefined ? { where } : { where, attributes: query.attributes };
  return query.load ? query.load(options) : model.findAll(options);
}

function rowResource(row: Model, auth: { kind: string; mapper: Mapper }): Resource {
  return toCerbosResource(row, { kind: auth.kind, mapper: auth.mapper }) as Resource;
}
