import { Sequelize, type WhereOptions } from "sequelize";
import { compileNode } from "./compile/index.ts";
import { asCond } from "./compile/operands.ts";
import type { Context } from "./compile/types.ts";
import { dialectFor } from "./dialect.ts";
import type { AnyModel, Mapper } from "./mapper.ts";
import { KIND_ALWAYS_ALLOWED, KIND_CONDITIONAL, readPlan } from "./plan.ts";
import { PlanKind } from "./plan-kind.ts";
import { FALSE, TRUE } from "./sql.ts";

export type QueryPlanResult =
  | { readonly kind: PlanKind.ALWAYS_ALLOWED }
  | { readonly kind: PlanKind.ALWAYS_DENIED }
  | { readonly kind: PlanKind.CONDITIONAL; readonly where: WhereOptions };

export interface QueryPlanToSequelizeOptions {
  /** The PlanResources response (@cerbos/http's form, or the raw HTTP JSON). */
  readonly queryPlan: unknown;
  /** The root model being listed; the `where` refers to it by its name (Sequelize's default alias). */
  readonly model: AnyModel;
  readonly mapper: Mapper;
}

/** The SQL condition the plan becomes: `(1=1)` when always allowed, `(1=0)` when always denied. */
export function queryPlanToSql(options: QueryPlanToSequelizeOptions): string {
  const plan = readPlan(options.queryPlan);
  if (plan.kind !== KIND_CONDITIONAL) return plan.kind === KIND_ALWAYS_ALLOWED ? TRUE : FALSE;
  const { model, mapper } = options;
  if (model.sequelize === undefined)
    throw new Error(`model ${model.name} is not initialised with a Sequelize instance`);
  const dialect = dialectFor(model.sequelize);
  const context: Context = {
    dialect,
    mapper,
    rootModel: model,
    rootAlias: dialect.quote(model.name),
    scope: new Map(),
    aliases: { next: 0 },
    compile: compileNode,
  };
  return asCond(context, plan.condition, compileNode(plan.condition, context)).t;
}

/**
 * Translates a Cerbos query plan into a self-contained Sequelize `where` for `model`: relations
 * become correlated EXISTS subqueries, so it needs no `include` and composes with any other
 * where, order, limit and count. Throws UnsupportedQueryPlanError rather than widen the filter.
 * A condition that folds to a constant is reported as ALWAYS_ALLOWED / ALWAYS_DENIED.
 */
export function queryPlanToSequelize(options: QueryPlanToSequelizeOptions): QueryPlanResult {
  const sql = queryPlanToSql(options);
  if (sql === TRUE) return { kind: PlanKind.ALWAYS_ALLOWED };
  if (sql === FALSE) return { kind: PlanKind.ALWAYS_DENIED };
  return { kind: PlanKind.CONDITIONAL, where: Sequelize.literal(`(${sql})`) };
}
