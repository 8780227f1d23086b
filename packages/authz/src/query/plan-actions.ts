import type { PlanResourcesResponse } from "@cerbos/core";
import { UnsupportedQueryPlanError } from "../errors.ts";
import type { AnyModel } from "../mapper.ts";
import { FALSE, TRUE } from "../sql.ts";
import { queryPlanToSql } from "../translate.ts";
import type { CerbosCallOptions } from "./types.ts";

/** One action's plan, translated: a constant, an SQL condition over the root model, or refused. */
export type ActionFilter =
  | { readonly kind: "always" | "never"; readonly cerbosCallId: string }
  | { readonly kind: "sql"; readonly sql: string; readonly cerbosCallId: string }
  | { readonly kind: "refused"; readonly error: UnsupportedQueryPlanError; readonly cerbosCallId: string };

/**
 * One PlanResources per action, all in parallel (a request with several actions answers one
 * AND-ed plan, not one per action), each translated with the mapper. A plan that cannot be
 * translated is returned as `refused`; the caller decides whether that throws.
 */
export async function planActions(
  model: AnyModel,
  actions: readonly string[],
  options: CerbosCallOptions,
): Promise<Map<string, ActionFilter>> {
  const { cerbos, principal, kind, policyVersion, scope, auxData, requestId, mapper } = options;
  const resource = {
    kind,
    ...(policyVersion === undefined ? {} : { policyVersion }),
    ...(scope === undefined ? {} : { scope }),
  };
  const plans = await Promise.all(
    actions.map((action) =>
      cerbos.planResources({
        principal,
        resource,
        actions: [action],
        ...(auxData === undefined ? {} : { auxData }),
        ...(requestId === undefined ? {} : { requestId }),
      }),
    ),
  );
  const filters = new Map<string, ActionFilter>();
  actions.forEach((action, index) => {
    filters.set(action, translate(model, mapper, plans[index]!));
  });
  return filters;
}

function translate(model: AnyModel, mapper: CerbosCallOptions["mapper"], plan: PlanResourcesResponse): ActionFilter {
  const { cerbosCallId } = plan;
  try {
    const sql = queryPlanToSql({ queryPlan: plan, model, mapper });
    if (sql === TRUE) return { kind: "always", cerbosCallId };
    if (sql === FALSE) return { kind: "never", cerbosCallId };
    return { kind: "sql", sql, cerbosCallId };
  } catch (error) {
    if (error instanceof UnsupportedQueryPlanError) return { kind: "refused", error, cerbosCallId };
    throw error;
  }
}
