import type { PlanNode } from "../plan.ts";
import { refuse } from "./operands.ts";
import type { Context, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

/**
 * A constant the planner spells as an expression: a principal's list of maps arrives as
 * `(list (struct (set-field "k" v) …) …)`. Folded here to the plain value; anything that is not
 * constant is refused.
 */
function fold(node: PlanNode): unknown {
  if (node.type === "value") return node.value;
  if (node.type === "call" && node.operator === "list") return node.operands.map(fold);
  if (node.type === "call" && node.operator === "struct") {
    const entries = node.operands.map((field) => {
      if (field.type !== "call" || field.operator !== "set-field" || field.operands.length !== 2) {
        return refuse(node, "a map built from something other than constant fields");
      }
      const [key, value] = field.operands;
      if (key?.type !== "value" || typeof key.value !== "string")
        return refuse(node, "a map key that is not a constant string");
      return [key.value, fold(value!)] as const;
    });
    return Object.fromEntries(entries);
  }
  return refuse(node, "a list or map built from values only known per row");
}

export const constantOperators = {
  list(node: CallNode, _context: Context): Operand {
    return { kind: "list", items: node.operands.map(fold), path: "-" };
  },
};
