import type { PlanNode } from "../plan.ts";
import { and, or } from "../sql.ts";
import { classedChoice } from "./classed.ts";
import { kindOf } from "./numbers.ts";
import { asCond, asScalar, compileOperand, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

const isNull = (scalar: Scalar) => scalar.type === "null";

/**
 * `c ? a : b`: an error in `c` is an error; otherwise the chosen branch (and only its errors).
 * Branches may be constants (`(R.attr.b ? R.attr.n : 0) > 1` evaluates); they must have one CEL
 * type (or one is null), so the result's type does not vary by row. An integral constant branch
 * leaves the numeric kind unknown: comparisons work (CEL compares int with double), arithmetic is
 * refused like with any integral constant.
 */
function ternary(node: CallNode, context: Context): Operand {
  const [conditionNode, thenNode, elseNode] = operandsOf(node, 3);
  const condition = asCond(context, conditionNode!, compileOperand(context, conditionNode!));
  const a = asScalar(context, thenNode!, compileOperand(context, thenNode!));
  const b = asScalar(context, elseNode!, compileOperand(context, elseNode!));
  if (a.type !== b.type && !isNull(a) && !isNull(b)) {
    return refuse(node, "the branches of a conditional have different CEL types, so its type varies by row");
  }
  const nullable = a.nullable || b.nullable || isNull(a) || isNull(b);
  const nanNull = a.nanNull === true || b.nanNull === true;
  if (nullable && nanNull) return refuse(node, "a conditional between a null and a computed NaN");
  if (a.floored === true || b.floored === true || a.instant !== undefined || b.instant !== undefined) {
    return refuse(node, "a conditional between timestamps");
  }
  const type = isNull(a) ? b.type : a.type;
  const [ka, kb] = [kindOf(a), kindOf(b)];
  const numberKind = type === "number" && ka === kb && ka !== "ambiguous" ? ka : undefined;
  const choose = (then: string, otherwise: string) =>
    `(CASE WHEN ${condition.t} THEN ${then} WHEN ${condition.f} THEN ${otherwise} END)`;
  const scalar: Scalar = {
    sql: choose(a.sql, b.sql),
    type,
    nullable,
    ok: or(and(condition.t, a.ok), and(condition.f, b.ok)),
    path: a.path === "-" ? b.path : a.path,
    numberKind,
    intBound: numberKind === "int" ? Math.max(a.intBound ?? 2 ** 63, b.intBound ?? 2 ** 63) : undefined,
    nanNull,
    infinite: a.infinite === true || b.infinite === true,
    negZero:
      a.negZero === undefined && b.negZero === undefined
        ? undefined
        : () => `(${choose(a.negZero?.() ?? "(1=0)", b.negZero?.() ?? "(1=0)")} = ${context.dialect.escape(true)})`,
    classed: type === "number" ? classedChoice(choose, a, b) : undefined,
  };
  return { kind: "scalar", scalar };
}

export const conditionalOperators = { if: ternary };
