import type { PlanNode } from "../plan.ts";
import { and, or } from "../sql.ts";
import { asCond, compileOperand, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

function conds(context: Context, node: CallNode) {
  if (node.operands.length === 0) refuse(node, "no operands");
  return node.operands.map((operand) => asCond(context, operand, compileOperand(context, operand)));
}

/** CEL's && and || are commutative over errors: false && error = false, true || error = true. */
export const logicOperators = {
  and(node: CallNode, context: Context): Operand {
    const parts = conds(context, node);
    return { kind: "cond", cond: { t: and(...parts.map((p) => p.t)), f: or(...parts.map((p) => p.f)) } };
  },
  or(node: CallNode, context: Context): Operand {
    const parts = conds(context, node);
    return { kind: "cond", cond: { t: or(...parts.map((p) => p.t)), f: and(...parts.map((p) => p.f)) } };
  },
  not(node: CallNode, context: Context): Operand {
    const [inner] = operandsOf(node, 1);
    const cond = asCond(context, inner!, compileOperand(context, inner!));
    return { kind: "cond", cond: { t: cond.f, f: cond.t } };
  },
};
