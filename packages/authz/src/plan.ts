import { UnsupportedQueryPlanError } from "./errors.ts";

/** The plan's AST, read from either the @cerbos/core SDK form or the raw HTTP (wire) form. */
export type PlanNode =
  | { readonly type: "call"; readonly operator: string; readonly operands: readonly PlanNode[] }
  | { readonly type: "variable"; readonly name: string }
  | { readonly type: "value"; readonly value: unknown };

export const KIND_ALWAYS_ALLOWED = "KIND_ALWAYS_ALLOWED";
export const KIND_ALWAYS_DENIED = "KIND_ALWAYS_DENIED";
export const KIND_CONDITIONAL = "KIND_CONDITIONAL";

export type ReadPlan =
  | { readonly kind: typeof KIND_ALWAYS_ALLOWED | typeof KIND_ALWAYS_DENIED }
  | { readonly kind: typeof KIND_CONDITIONAL; readonly condition: PlanNode };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refuse(reason: string): never {
  throw new UnsupportedQueryPlanError("plan", "-", reason);
}

/** Reads one expression node; any shape other than the three Cerbos defines is refused. */
export function readNode(raw: unknown): PlanNode {
  if (!isRecord(raw)) refuse(`expression node is not an object: ${JSON.stringify(raw)}`);
  const expression = isRecord(raw.expression) ? raw.expression : raw;
  if (typeof expression.operator === "string" && Array.isArray(expression.operands)) {
    return { type: "call", operator: expression.operator, operands: expression.operands.map(readNode) };
  }
  if (typeof raw.name === "string") return { type: "variable", name: raw.name };
  if (typeof raw.variable === "string") return { type: "variable", name: raw.variable };
  if ("value" in raw) return { type: "value", value: raw.value };
  return refuse(`expression node of unknown shape: ${JSON.stringify(raw).slice(0, 200)}`);
}

/**
 * Reads a PlanResources response: the SDK's `{ kind, condition, validationErrors }` or the raw
 * HTTP body `{ filter: { kind, condition }, validationErrors }`. Fails closed on anything else.
 */
export function readPlan(queryPlan: unknown): ReadPlan {
  if (!isRecord(queryPlan)) refuse("the query plan is not an object");
  const errors = queryPlan.validationErrors;
  if (errors !== undefined && (!Array.isArray(errors) || errors.length > 0)) {
    refuse(`the plan carries validation errors: ${JSON.stringify(errors)}`);
  }
  const filter = isRecord(queryPlan.filter) ? queryPlan.filter : queryPlan;
  const kind = filter.kind;
  if (kind === KIND_ALWAYS_ALLOWED || kind === KIND_ALWAYS_DENIED) return { kind };
  if (kind === KIND_CONDITIONAL) {
    if (filter.condition === undefined) refuse("a conditional plan without a condition");
    return { kind, condition: readNode(filter.condition) };
  }
  return refuse(`unknown plan kind ${JSON.stringify(kind)}`);
}
