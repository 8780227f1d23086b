import type { PlanNode } from "../plan.ts";
import { arithmeticOperators } from "./arithmetic.ts";
import { collectionOperators } from "./collections.ts";
import { comparisonOperators } from "./comparison.ts";
import { conditionalOperators } from "./conditional.ts";
import { constantOperators } from "./constants.ts";
import { logicOperators } from "./logic.ts";
import { membershipOperators } from "./membership.ts";
import { refuse, valueOperand } from "./operands.ts";
import { REFUSALS } from "./refusals.ts";
import { resolveVariable } from "./resolve.ts";
import { stringOperators } from "./strings.ts";
import { timeOperators } from "./time.ts";
import type { Context, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;
type OperatorCompiler = (node: CallNode, context: Context) => Operand;

/** Every translatable operator. An operator with no entry here is refused, never passed through. */
const OPERATORS: Readonly<Record<string, OperatorCompiler>> = {
  ...logicOperators,
  ...comparisonOperators,
  ...membershipOperators,
  ...stringOperators,
  ...collectionOperators,
  ...arithmeticOperators,
  ...timeOperators,
  ...conditionalOperators,
  ...constantOperators,
};

export function compileNode(node: PlanNode, context: Context): Operand {
  switch (node.type) {
    case "value":
      return valueOperand(context, node, node.value);
    case "variable":
      return resolveVariable(context, node.name);
    case "call": {
      const compiler = Object.hasOwn(OPERATORS, node.operator) ? OPERATORS[node.operator] : undefined;
      if (compiler === undefined) {
        return refuse(node, REFUSALS[node.operator] ?? "unknown operator: no exact SQL translation");
      }
      return compiler(node, context);
    }
    default: {
      const exhaustive: never = node;
      return exhaustive;
    }
  }
}
