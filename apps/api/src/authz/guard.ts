import type { Resource } from "@cerbos/core";
import type { FindAttributeOptions, Model, Order, Transaction, WhereOptions } from "sequelize";
import type { Context, Session } from "../context.ts";
import { forbidden, notFound } from "../errors.ts";
import type { ResourceKind } from "./kind.ts";
import { requireMembership } from "./membership.ts";
import { authorizedCheck, authorizedFindAndCountAll, authorizedRow, type ListPartition } from "./query.ts";
import { reasonsOfAction, recordingDenials } from "./reasons.ts";

// The primitives of authz/query.ts applied to a request: the caller's principal, the request id,
// the request log's Cerbos call ids, and tenant isolation's first line (NOT_FOUND).

export type AuthzContext = Pick<
  Context,
  "db" | "pdp" | "log" | "cerbosCallIds" | "requestId" | "listVerify" | "denials"
> & {
  session: Session;
};

const deciderOf = (ctx: AuthzContext) => ({
  // Every CheckResources answer's denials are kept with their reasons (authz/reasons.ts): the
  // FORBIDDEN a procedure then raises carries them (trpc.ts), and `whyNot` reads them.
  cerbos: recordingDenials(ctx.pdp, ctx.denials),
  principal: ctx.session.principal,
  requestId: ctx.requestId,
});

export interface ListOptions {
  where?: WhereOptions;
  order: Order;
  limit: number;
  offset?: number;
  after?: WhereOptions;
  attributes?: FindAttributeOptions;
  /** The page as one sorted statement per value, merged (authz/query.ts); also a filter. */
  partition?: ListPartition;
  /** `false`: no count query (the page's `count` is then -1); default: the exact total. */
  count?: boolean;
}

/** One page of the kind's rows the caller may read, each with the kind's flags, and the exact total. */
export async function listKind<M extends Model, Flag extends string>(
  ctx: AuthzContext,
  kind: ResourceKind<string, string, M, Flag>,
  options: ListOptions,
) {
  const page = await authorizedFindAndCountAll(
    kind.modelOf(ctx.db),
    {
      ...deciderOf(ctx),
      kind: kind.name,
      action: "read",
      flags: kind.flags,
      mapper: kind.mapper,
      verify: ctx.listVerify,
      // Only `verify: "check"` (LIST_VERIFY=check) compares the plans with CheckResources.
      onDisagreement: ({ id, action, outcome, cerbosCallId }) =>
        outcome === "withheld"
          ? ctx.log.error(
              { kind: kind.name, id, cerbosCallId },
              `query plan and CheckResources disagree on ${action}: row withheld`,
            )
          : ctx.log.warn(
              { kind: kind.name, id, cerbosCallId },
              `query plan and CheckResources disagree on ${action}: flag taken from the check`,
            ),
    },
    { ...options, load: (find) => kind.findAll(ctx.db, { ...find, pageLoad: true }) },
  );
  ctx.cerbosCallIds.push(...Object.values(page.cerbosCallIds), ...page.checkCallIds);
  return page;
}

/** One CheckResources call; per entry, whether each action is allowed. */
export async function check(ctx: AuthzContext, entries: { resource: Resource; actions: readonly string[] }[]) {
  const decided = await authorizedCheck(deciderOf(ctx), entries);
  ctx.cerbosCallIds.push(decided.cerbosCallId);
  return decided;
}

/** FORBIDDEN (with the Cerbos call id) unless every action of every entry is allowed; else the decisions. */
export async function authorize(ctx: AuthzContext, entries: { resource: Resource; actions: readonly string[] }[]) {
  const decided = await check(ctx, entries);
  const allowed = entries.every(({ actions }, index) => actions.every((action) => decided.results[index]?.[action]));
  if (!allowed) throw forbidden(decided.cerbosCallId);
  return decided.results;
}

/** The row with what its check needs; NOT_FOUND when missing or in an organization the caller is not in. */
export async function loadKind<M extends Model, Flag extends string>(
  ctx: Pick<AuthzContext, "db" | "session">,
  kind: ResourceKind<string, string, M, Flag>,
  id: number | string,
  transaction?: Transaction,
): Promise<M> {
  const model = kind.modelOf(ctx.db);
  const [row] = await kind.findAll(ctx.db, { where: { [model.primaryKeyAttribute]: id }, transaction });
  if (!row) throw notFound(kind.label);
  const organizationId = kind.organizationOf?.(row);
  if (organizationId !== undefined) requireMembership(ctx.session, organizationId, kind.label);
  return row;
}

/** Loads a row and checks `read` with the kind's flags in one call: the row and what the caller may do with it. */
export async function readKind<M extends Model, Flag extends string>(
  ctx: AuthzContext,
  kind: ResourceKind<string, string, M, Flag>,
  id: number | string,
): Promise<{ row: M; can: Record<Flag, boolean> }> {
  const row = await loadKind(ctx, kind, id);
  return { row, can: await decide(ctx, kind, row, "read") };
}

/**
 * Checks `action` and the kind's flags on a row (or a draft, named by `id`, e.g. "new") in one
 * call: FORBIDDEN unless `action` is allowed, else the flags.
 */
export async function decide<M extends Model, Flag extends string>(
  ctx: AuthzContext,
  kind: ResourceKind<string, string, M, Flag>,
  row: M,
  action: string,
  id?: string,
): Promise<Record<Flag, boolean>> {
  const { allowed, cerbosCallId } = await authorizedRow(deciderOf(ctx), row, {
    kind: kind.name,
    mapper: kind.mapper,
    actions: [action, ...kind.flags],
    id,
  });
  ctx.cerbosCallIds.push(cerbosCallId);
  if (allowed[action] !== true) throw forbidden(cerbosCallId);
  return flagsOf(kind.flags, allowed);
}

/** The flags of one decision (false when absent). */
export function flagsOf<Flag extends string>(flags: readonly Flag[], decision: Record<string, boolean> = {}) {
  return Object.fromEntries(flags.map((flag) => [flag, decision[flag] === true])) as Record<Flag, boolean>;
}

/** Why `action` was denied on the `index`-th resource of a call this request made ([] when allowed). */
export function whyNot(ctx: Pick<AuthzContext, "denials">, cerbosCallId: string, index: number, action: string) {
  return reasonsOfAction(ctx.denials.get(cerbosCallId), index, action);
}
