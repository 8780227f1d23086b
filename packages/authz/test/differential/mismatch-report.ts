import type { PlanResourcesResponse } from "@cerbos/core";
import type { NullRepresentation, OracleResource } from "./oracle-resource.ts";
import type { SqlDecision } from "./sql-decisions.ts";

const rowsShown = 5;

/** A failure message with everything needed to reproduce one disagreement. */
export function describeMismatch(options: {
  dialect: string;
  action: string;
  representation: NullRepresentation;
  plan: PlanResourcesResponse;
  allowedByPdp: Set<string>;
  sql: SqlDecision;
  resources: Map<string, OracleResource>;
}): string | undefined {
  const { allowedByPdp, sql } = options;
  const onlySql = [...sql.ids].filter((id) => !allowedByPdp.has(id));
  const onlyPdp = [...allowedByPdp].filter((id) => !sql.ids.has(id));
  const countDiffers = sql.count !== sql.ids.size;
  if (onlySql.length === 0 && onlyPdp.length === 0 && !countDiffers) return undefined;
  const row = (id: string, pdp: string, database: string) =>
    `  ${id}: CheckResources ${pdp}, SQL ${database}; resource ${JSON.stringify(options.resources.get(id)?.attr)}`;
  return [
    `action ${options.action} on ${options.dialect}, NULLs ${options.representation}`,
    `plan ${options.plan.kind}: ${options.plan.metadata?.conditionString ?? "(no condition)"}`,
    `${onlySql.length} rows returned by SQL but denied by CheckResources, ${onlyPdp.length} allowed but not returned` +
      (countDiffers ? `; count() = ${sql.count} but findAll returned ${sql.ids.size}` : ""),
    ...onlySql.slice(0, rowsShown).map((id) => row(id, "DENY", "returns it")),
    ...onlyPdp.slice(0, rowsShown).map((id) => row(id, "ALLOW", "misses it")),
    `SQL: ${sql.statements[0] ?? "(none: the plan needed no query)"}`,
  ].join("\n");
}
