import type { Model, ModelStatic } from "sequelize";
import type { AnyModel } from "../mapper.ts";
import { flagColumns, takeFlags } from "./flags.ts";
import { queryPage } from "./page.ts";
import { partitionWhere } from "./partition.ts";
import { type ActionFilter, planActions } from "./plan-actions.ts";
import { flagConditions, plannedFlags } from "./planned-flags.ts";
import { primaryKeyOf } from "./rows.ts";
import type { AuthorizedFindOptions, AuthorizedPage, AuthorizedQueryOptions, Disagreement } from "./types.ts";
import { checkPage } from "./verify.ts";
import { andAll, andWhere, countIncludes } from "./where.ts";

const warnDisagreement = (disagreement: Disagreement) =>
  console.warn(
    `cerbos-sequelize: the query plan and CheckResources disagree on ${disagreement.action} ` +
      `for id ${String(disagreement.id)} (row ${disagreement.outcome}): ${JSON.stringify(disagreement)}`,
  );

/**
 * The rows `principal` may `action`, filtered in the database by the action's query plan, the
 * exact count under the same filter, and per row whether each of `flags` is allowed (each
 * flag's plan evaluated in SQL over the returned page only). One PlanResources per action, in
 * parallel; no CheckResources unless `verify: "check"` (or the check fallback) asks for it.
 * Fails closed: an untranslatable plan throws UnsupportedQueryPlanError, a PDP error
 * propagates; ALWAYS_DENIED for `action` runs no query.
 */
export function authorizedFindAndCountAll<M extends Model, A extends string, F extends string = never>(
  model: ModelStatic<M>,
  authz: AuthorizedQueryOptions<A, F> & { readonly count: false },
  find?: AuthorizedFindOptions<M>,
): Promise<AuthorizedPage<M, A, F, undefined>>;
export function authorizedFindAndCountAll<M extends Model, A extends string, F extends string = never>(
  model: ModelStatic<M>,
  authz: AuthorizedQueryOptions<A, F>,
  find?: AuthorizedFindOptions<M>,
): Promise<AuthorizedPage<M, A, F, number>>;
export async function authorizedFindAndCountAll<M extends Model, A extends string, F extends string>(
  model: ModelStatic<M>,
  authz: AuthorizedQueryOptions<A, F>,
  find: AuthorizedFindOptions<M> = {},
): Promise<AuthorizedPage<M, A, F, number | undefined>> {
  const root = model as unknown as AnyModel;
  const { action } = authz;
  const primaryKey = primaryKeyOf(root);
  const flagActions = [...new Set(authz.flags ?? [])].filter((flag) => flag !== (action as string));
  const filters = await planActions(root, [action, ...flagActions], authz);
  const main = filters.get(action)!;
  if (main.kind === "refused") throw main.error;
  const flagFilters = new Map<string, ActionFilter>(flagActions.map((flag) => [flag, filters.get(flag)!]));
  const refusedFlags: string[] = [];
  for (const [flag, filter] of flagFilters) {
    if (filter.kind !== "refused") continue;
    if (authz.untranslatableFlags !== "check") throw filter.error;
    refusedFlags.push(flag);
  }
  const cerbosCallIds = Object.fromEntries([...filters].map(([name, filter]) => [name, filter.cerbosCallId])) as Record<
    A | F,
    string
  >;
  const counting = authz.count !== false;
  const empty = {
    rows: [] as M[],
    count: counting ? 0 : undefined,
    can: [],
    cerbosCallIds,
    checkCallIds: [],
    disagreements: [],
    hasMore: false,
    denied: true,
  };
  if (main.kind === "never") return empty;

  const callerWhere = find.partition === undefined ? find.where : andAll(find.where, partitionWhere(find.partition));
  const where = andWhere(main.kind === "sql" ? main.sql : undefined, callerWhere);
  const { transaction, paranoid, logging, benchmark } = find;
  const shared = {
    ...(transaction === undefined ? {} : { transaction }),
    ...(paranoid === undefined ? {} : { paranoid }),
    ...(logging === undefined ? {} : { logging }),
    ...(benchmark === undefined ? {} : { benchmark }),
  };
  const include = countIncludes(find.include);
  const countQuery = counting
    ? root.count({
        ...shared,
        ...(where === undefined ? {} : { where }),
        // DISTINCT only where a join can repeat a row: SQLite dedupes COUNT(DISTINCT id) through a
        // temporary B-tree, and the plan's own conditions are subqueries, never joins.
        ...(include ? { include, distinct: true } : {}),
      })
    : Promise.resolve(undefined);
  const conditions = flagConditions(flagFilters);
  const pageQuery = (async () => {
    const authorized = andWhere(main.kind === "sql" ? main.sql : undefined, undefined);
    // The flags ride on the statement that reads the rows by key where there is one (a loader,
    // a partitioned page): one statement fewer, and flags of the very state the row is served in.
    const page = await queryPage(model, primaryKey, where, find, authorized, flagColumns(conditions));
    const known = takeFlags(page.rows, primaryKey, [...conditions.keys()]);
    const planned = await plannedFlags(root, primaryKey, page.keys, action, flagFilters, shared, known);
    return { ...page, planned };
  })();
  const [count, page] = await Promise.all([countQuery, pageQuery]);

  const checkActions = authz.verify === "check" ? [action, ...flagActions] : refusedFlags;
  if (checkActions.length === 0 || page.rows.length === 0) {
    const can = page.planned as Array<Record<A | F, boolean>>;
    return { ...empty, rows: page.rows, count, can, hasMore: page.hasMore, denied: false };
  }
  const checked = await checkPage({
    model: root,
    primaryKey,
    keys: page.keys,
    planned: page.planned,
    actions: checkActions,
    mainAction: action,
    call: authz,
    transaction,
    batchSize: authz.maxResourcesPerCheck,
  });
  const report = authz.onDisagreement ?? warnDisagreement;
  for (const disagreement of checked.disagreements) report(disagreement);
  const kept = page.keys.flatMap((_key, index) => (checked.keep[index] ? [index] : []));
  return {
    rows: kept.map((index) => page.rows[index]!),
    count,
    can: kept.map((index) => checked.can[index]! as Record<A | F, boolean>),
    cerbosCallIds,
    checkCallIds: checked.callIds,
    disagreements: checked.disagreements,
    hasMore: page.hasMore,
    denied: false,
  };
}
