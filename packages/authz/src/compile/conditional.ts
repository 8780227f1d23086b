import type { PlanNode } from "../plan.ts";
import { and, or } from "../sql.ts";
import { asCond, asScalar, compileOperand, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

/**
 * `c ? a : b`: an error in `c` is an error; otherwise the chosen branch (and only its errors).
 * Both branches must have one CEL type, so the result's type does not vary by row.
 */
function ternary(node: CallNode, context: Context): Operand {
  const [conditionNode, thenNode, elseNode] = operandsOf(node, 3);
  const condition = asCond(context, conditionNode!, compileOperand(context, conditionNode!));
  const a = asScalar(context, thenNode!, compileOperand(context, thenNode!));
  const b = asScalar(context, elseNode!, compileOperand(context, elseNode!));
  if (a.type !== b.type || a.numberKind !== b.numberKind || a.constant !== undefined || b.constant !== undefined) {
    return refuse(node, "the branches of a conditional must be columns of one CEL type");
  }
  const sql = `(CASE WHEN ${condition.t} THEN ${a.sql} WHEN ${condition.f} THEN ${b.sql} END)`;
  const scalar: Scalar = {
    sql,
    type: a.type,
    nullable: a.nullable || b.nullable,
    ok: or(and(condition.t, a.ok), and(condition.f, b.ok)),
    path: a.path,
    numberKind: a.numberKind,
  };
  return { kind: "scalar", scalar };
}

export const conditionalOperators = { if: ternary };
