import type { PlanNode } from "../plan.ts";
import { arithmeticOperators } from "./arithmetic.ts";
import { castOperators } from "./casts.ts";
import { collectionOperators } from "./collections.ts";
import { comparisonOperators } from "./comparison.ts";
import { conditionalOperators } from "./conditional.ts";
import { constantOperators } from "./constants.ts";
import { hierarchyOperators } from "./hierarchy.ts";
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

/**
 * Every operator the Cerbos planner is known to emit (docs/cerbos-planner.md). Each needs a
 * compiler or a stated refusal below: adding one here without either is a compile error.
 */
type PlannerOperator =
  | "and"
  | "or"
  | "not"
  | "eq"
  | "ne"
  | "lt"
  | "le"
  | "gt"
  | "ge"
  | "in"
  | "hasIntersection"
  | "add"
  | "sub"
  | "mult"
  | "div"
  | "mod"
  | "-_"
  | "if"
  | "list"
  | "struct"
  | "set-field"
  | "get-field"
  | "index"
  | "all"
  | "exists"
  | "exists_one"
  | "filter"
  | "map"
  | "lambda"
  | "transformMap"
  | "transformList"
  | "sortBy"
  | "size"
  | "contains"
  | "startsWith"
  | "endsWith"
  | "matches"
  | "lowerAscii"
  | "upperAscii"
  | "timestamp"
  | "duration"
  | "timeSince"
  | "now"
  | "getFullYear"
  | "getMonth"
  | "getDate"
  | "getDayOfMonth"
  | "getDayOfWeek"
  | "getDayOfYear"
  | "getHours"
  | "getMinutes"
  | "getSeconds"
  | "getMilliseconds"
  | "int"
  | "uint"
  | "double"
  | "string"
  | "dyn"
  | "bytes"
  | "hierarchy"
  | "ancestorOf"
  | "descendentOf"
  | "immediateParentOf"
  | "immediateChildOf"
  | "siblingOf"
  | "overlaps"
  | "commonAncestors";

const COMPILERS = {
  ...logicOperators,
  ...comparisonOperators,
  ...membershipOperators,
  ...stringOperators,
  ...collectionOperators,
  ...arithmeticOperators,
  ...timeOperators,
  ...conditionalOperators,
  ...constantOperators,
  ...castOperators,
  ...hierarchyOperators,
};

/** Kysely-style dispatch: a compiler, or the reason an operator has no exact SQL. */
const OPERATORS: { readonly [K in PlannerOperator]: OperatorCompiler | string } = { ...COMPILERS, ...REFUSALS };

function handlerOf(operator: string): OperatorCompiler | string | undefined {
  return Object.hasOwn(OPERATORS, operator) ? OPERATORS[operator as PlannerOperator] : undefined;
}

export function compileNode(node: PlanNode, context: Context): Operand {
  switch (node.type) {
    case "value":
      return valueOperand(context, node, node.value);
    case "variable":
      return resolveVariable(context, node.name);
    case "call": {
      const handler = handlerOf(node.operator);
      if (handler === undefined) return refuse(node, "unknown operator: no exact SQL translation");
      if (typeof handler === "string") return refuse(node, handler);
      return handler(node, context);
    }
    default: {
      const exhaustive: never = node;
      return exhaustive;
    }
  }
}
