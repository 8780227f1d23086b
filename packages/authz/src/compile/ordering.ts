import type { PlanNode } from "../plan.ts";
import { and, FALSE, or } from "../sql.ts";
import { classedOrdering, isClassed } from "./classed.ts";
import { checkKnown, differentTypes } from "./comparison.ts";
import { asScalar, compileOperand, operandsOf } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;
type Ordering = "lt" | "le" | "gt" | "ge";

const ORDERINGS = { lt: ["<", ">="], le: ["<=", ">"], gt: [">", "<="], ge: [">=", "<"] } as const;

/**
 * A resource carries whole milliseconds; against a literal L finer than that (floored to L'),
 * `x > L` is `x > L'`, `x >= L` is `x > L'`, `x < L` and `x <= L` are `x <= L'` (mirrored when
 * the literal comes first).
 */
function adjusted(operator: Ordering, a: Scalar, b: Scalar): Ordering {
  if (b.floored === true) return operator === "gt" || operator === "ge" ? "gt" : "le";
  if (a.floored === true) return operator === "gt" || operator === "ge" ? "ge" : "lt";
  return operator;
}

/** The F side's NaN term: a NaN orders false (not an error), unless the other side is a CEL null. */
function nanFails(a: Scalar, b: Scalar): string {
  const side = (nan: Scalar, other: Scalar) =>
    nan.nanNull === true ? and(`(${nan.sql} IS NULL)`, other.nullable ? `(${other.sql} IS NOT NULL)` : "(1=1)") : FALSE;
  return or(side(a, b), side(b, a));
}

/**
 * CEL `<` etc.: an operand that is null (or of another type) is an evaluation error: neither true
 * nor false. A NaN makes every ordering false.
 */
export function ordering(context: Context, node: CallNode, requested: Ordering): Operand {
  const [first, second] = operandsOf(node, 2);
  const a = asScalar(context, first!, compileOperand(context, first!));
  const b = asScalar(context, second!, compileOperand(context, second!));
  checkKnown(node, a, b);
  if (a.type === "null" || b.type === "null" || a.type === "map" || differentTypes(a, b))
    return { kind: "cond", cond: { t: FALSE, f: FALSE } };
  if (isClassed(a, b)) return { kind: "cond", cond: classedOrdering(a, b, requested, and(a.ok, b.ok)) };
  const [holds, fails] = ORDERINGS[adjusted(requested, a, b)];
  const left = a.type === "string" ? context.dialect.ordered(a.sql) : a.sql;
  const ok = and(a.ok, b.ok);
  // A NULL operand makes both SQL comparisons unknown, which is exactly CEL's error for a null.
  return {
    kind: "cond",
    cond: { t: and(ok, `(${left} ${holds} ${b.sql})`), f: and(ok, or(`(${left} ${fails} ${b.sql})`, nanFails(a, b))) },
  };
}
