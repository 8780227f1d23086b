import type { Dialect } from "../dialect.ts";
import type { PlanNode } from "../plan.ts";
import { and, FALSE } from "../sql.ts";
import { asScalar, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;
type StringTest = (dialect: Dialect, haystack: string, needle: string) => string;

function stringOperand(context: Context, node: PlanNode, operand: PlanNode): Scalar | undefined {
  const scalar = asScalar(context, operand, compileOperand(context, operand));
  if (scalar.type === "null") return undefined;
  if (scalar.type !== "string") refuse(node, `${scalar.path} is ${scalar.type}, not a string`);
  return scalar;
}

/**
 * `x.contains(y)` and friends, with functions that compare characters exactly (no LIKE, so case,
 * `%`, `_` and `\` are literal). A null receiver or argument is a CEL error: neither true nor false.
 */
function stringTest(test: StringTest) {
  return (node: CallNode, context: Context): Operand => {
    const [first, second] = operandsOf(node, 2);
    const haystack = stringOperand(context, node, first!);
    const needle = stringOperand(context, node, second!);
    if (haystack === undefined || needle === undefined) return { kind: "cond", cond: { t: FALSE, f: FALSE } };
    const ok = and(notNull(haystack), notNull(needle));
    const holds = test(context.dialect, haystack.sql, needle.sql);
    return { kind: "cond", cond: { t: and(ok, holds), f: and(ok, `(NOT ${holds})`) } };
  };
}

/**
 * `x.lowerAscii()` / `x.upperAscii()`: only A-Z / a-z change, like SQLite's lower()/upper()
 * without ICU and Postgres's translate() over the ASCII letters.
 */
function caseFold(fold: (dialect: Dialect, sql: string) => string) {
  return (node: CallNode, context: Context): Operand => {
    const [first] = operandsOf(node, 1);
    const x = stringOperand(context, node, first!);
    if (x === undefined)
      return { kind: "scalar", scalar: { sql: "NULL", type: "string", nullable: false, ok: FALSE, path: "-" } };
    const sql = fold(context.dialect, x.sql);
    return { kind: "scalar", scalar: { sql, type: "string", nullable: false, ok: notNull(x), path: x.path } };
  };
}

export const stringOperators = {
  lowerAscii: caseFold((dialect, sql) => dialect.lowerAscii(sql)),
  upperAscii: caseFold((dialect, sql) => dialect.upperAscii(sql)),
  contains: stringTest((dialect, h, n) => dialect.contains(h, n)),
  startsWith: stringTest((dialect, h, n) => dialect.startsWith(h, n)),
  endsWith: stringTest((dialect, h, n) => dialect.endsWith(h, n)),
};
