// TEMPORARY stand-in until @repo/authz is committed: same signatures, no query-plan
// translation (a CONDITIONAL plan is refused). Replace the body with a re-export of @repo/authz.
import type { PlanResourcesResponse, Value } from "@cerbos/core";
import type { Includeable, Model, ModelStatic, WhereOptions } from "sequelize";

export enum PlanKind {
  ALWAYS_ALLOWED = "KIND_ALWAYS_ALLOWED",
  ALWAYS_DENIED = "KIND_ALWAYS_DENIED",
  CONDITIONAL = "KIND_CONDITIONAL",
}

export type MapperEntry =
  | { column: string; nullRepresentation?: unknown }
  | { association: string; column?: string; nullRepresentation?: unknown };
export type Mapper = Record<string, MapperEntry>;

export class UnsupportedQueryPlanError extends Error {}

export function queryPlanToSequelize(_: {
  queryPlan: PlanResourcesResponse;
  model: ModelStatic<Model>;
  mapper: Mapper;
}): { kind: PlanKind; where: WhereOptions } {
  const { queryPlan } = _;
  if (queryPlan.kind === "KIND_ALWAYS_ALLOWED") return { kind: PlanKind.ALWAYS_ALLOWED, where: {} };
  if (queryPlan.kind === "KIND_ALWAYS_DENIED") return { kind: PlanKind.ALWAYS_DENIED, where: {} };
  throw new UnsupportedQueryPlanError("conditional plans need @repo/authz");
}

export function resourceInclude(_model: ModelStatic<Model>, mapper: Mapper): Includeable[] {
  return Object.values(mapper).flatMap((entry) => ("association" in entry ? [{ association: entry.association }] : []));
}

export function toCerbosResource(
  instance: Model,
  { kind, mapper }: { kind: string; mapper: Mapper },
): { kind: string; id: string; attr: Record<string, Value> } {
  const values = instance.get({ plain: true }) as Record<string, unknown>;
  const attr: Record<string, Value> = {};
  let id = "";
  for (const [path, entry] of Object.entries(mapper)) {
    let value: unknown;
    if ("association" in entry) {
      const related = values[entry.association];
      value = Array.isArray(related)
        ? related.map((row) => (entry.column ? (row as Record<string, unknown>)[entry.column] : row))
        : related;
    } else {
      value = values[entry.column];
    }
    if (path === "request.resource.id") id = String(value);
    else attr[path.replace(/^request\.resource\.attr\./, "")] = value as Value;
  }
  return { kind, id, attr };
}
