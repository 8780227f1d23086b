import type { Model, ModelStatic, WhereOptions } from "sequelize";
import { internal, PdpUnavailable, pdpUnavailable } from "../errors.ts";
import { type Mapper, PlanKind, queryPlanToSequelize, UnsupportedQueryPlanError } from "./adapter.ts";
import type { AuthzContext } from "./check.ts";

function unreachable(value: never): never {
  throw new Error(`unexpected plan result ${JSON.stringify(value)}`);
}

export type PlannedFilter =
  | { kind: PlanKind.ALWAYS_DENIED }
  | { kind: PlanKind.ALWAYS_ALLOWED | PlanKind.CONDITIONAL; where: WhereOptions };

/**
 * PlanResources for `action` on `kind`, translated to a Sequelize WHERE by @repo/authz. An
 * ALWAYS_DENIED plan is returned as such so the caller runs no query. A plan the adapter cannot
 * translate is a server error (reason logged, no data), never a pass-through.
 */
export async function planFilter(
  ctx: AuthzContext,
  { kind, action, model, mapper }: { kind: string; action: string; model: ModelStatic<Model>; mapper: Mapper },
): Promise<PlannedFilter> {
  const queryPlan = await ctx.pdp
    .planResources({ principal: ctx.session.principal, resource: { kind }, action, requestId: ctx.requestId })
    .catch((error: unknown) => {
      throw error instanceof PdpUnavailable ? pdpUnavailable(error) : error;
    });
  ctx.cerbosCallIds.push(queryPlan.cerbosCallId);
  if (queryPlan.validationErrors.length > 0) {
    throw internal(`the PDP rejected the principal for a ${kind} plan: ${JSON.stringify(queryPlan.validationErrors)}`);
  }
  try {
    const result = queryPlanToSequelize({ queryPlan, model, mapper });
    switch (result.kind) {
      case PlanKind.ALWAYS_DENIED:
        return { kind: PlanKind.ALWAYS_DENIED };
      case PlanKind.ALWAYS_ALLOWED:
        return { kind: PlanKind.ALWAYS_ALLOWED, where: {} };
      case PlanKind.CONDITIONAL:
        return { kind: PlanKind.CONDITIONAL, where: result.where };
      default:
        return unreachable(result);
    }
  } catch (error) {
    if (error instanceof UnsupportedQueryPlanError) {
      throw internal(`the ${kind} ${action} plan cannot be translated to SQL: ${error.message}`, error);
    }
    throw error;
  }
}
