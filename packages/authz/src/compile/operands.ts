import { UnsupportedQueryPlanError } from "../errors.ts";
import type { PlanNode } from "../plan.ts";
import { and, FALSE, or, TRUE } from "../sql.ts";
import type { CelType, Collection, Cond, Context, Operand, Scalar } from "./types.ts";

/** The first attribute path under a node, for error messages. */
export function pathOf(node: PlanNode): string {
  if (node.type === "variable") return node.name;
  if (node.type === "value") return "-";
  for (const operand of node.operands) {
    const path = pathOf(operand);
    if (path !== "-") return path;
  }
  return "-";
}

export function refuse(node: PlanNode, reason: string): never {
  const operator = node.type === "call" ? node.operator : node.type;
  throw new UnsupportedQueryPlanError(operator, pathOf(node), reason);
}

export function operandsOf(node: PlanNode, count: number): readonly PlanNode[] {
  if (node.type !== "call" || node.operands.length !== count) {
    return refuse(node, `expected ${count} operand(s)`);
  }
  return node.operands;
}

function celTypeOfValue(value: unknown): CelType | undefined {
  if (value === null) return "null";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  return undefined;
}

export function isScalarValue(value: unknown): value is string | number | boolean | null {
  return celTypeOfValue(value) !== undefined;
}

export function constantScalar(context: Context, value: string | number | boolean | null): Scalar {
  const type = celTypeOfValue(value) ?? "other";
  return {
    sql: context.dialect.escape(value),
    type,
    nullable: value === null,
    ok: TRUE,
    path: "-",
    constant: { value },
  };
}

export function valueOperand(context: Context, node: PlanNode, value: unknown): Operand {
  if (isScalarValue(value)) return { kind: "scalar", scalar: constantScalar(context, value) };
  if (Array.isArray(value)) return { kind: "list", items: value, path: "-" };
  return refuse(node, `constant of unsupported type: ${JSON.stringify(value)}`);
}

/** A CEL expression used as a condition; anything that is not a boolean is refused. */
export function asCond(context: Context, node: PlanNode, operand: Operand): Cond {
  if (operand.kind === "cond") return operand.cond;
  if (operand.kind === "scalar") {
    const { scalar } = operand;
    if (scalar.constant !== undefined && typeof scalar.constant.value === "boolean") {
      return scalar.constant.value ? { t: TRUE, f: FALSE } : { t: FALSE, f: TRUE };
    }
    if (scalar.type === "bool") {
      const { dialect } = context;
      return {
        t: and(scalar.ok, `(${scalar.sql} = ${dialect.escape(true)})`),
        f: and(scalar.ok, `(${scalar.sql} = ${dialect.escape(false)})`),
      };
    }
  }
  if (operand.kind === "collection") return refuse(node, "a list (filter/map/collection) is not a condition");
  return refuse(node, "the expression is not a boolean");
}

/** A boolean expression used as a value (e.g. `(eq (exists_one ...) false)`). */
export function condScalar(context: Context, cond: Cond, path: string): Scalar {
  const { dialect } = context;
  const sql = `(CASE WHEN ${cond.t} THEN ${dialect.escape(true)} WHEN ${cond.f} THEN ${dialect.escape(false)} END)`;
  return { sql, type: "bool", nullable: false, ok: or(cond.t, cond.f), path };
}

export function asScalar(context: Context, node: PlanNode, operand: Operand): Scalar {
  if (operand.kind === "scalar") return operand.scalar;
  if (operand.kind === "cond") return condScalar(context, operand.cond, pathOf(node));
  if (operand.kind === "hierarchy") return refuse(node, "a hierarchy where a plain value is needed");
  return refuse(node, "a list where a single value is needed");
}

export function asCollection(node: PlanNode, operand: Operand): Collection {
  if (operand.kind === "collection") return operand.collection;
  return refuse(node, "expected a to-many association");
}

export function compileOperand(context: Context, node: PlanNode): Operand {
  return context.compile(node, context);
}

/** A condition under which the (possibly NULL) scalar is evaluable and not a CEL null. */
export function notNull(scalar: Scalar): string {
  return scalar.nullable ? and(scalar.ok, `(${scalar.sql} IS NOT NULL)`) : scalar.ok;
}
