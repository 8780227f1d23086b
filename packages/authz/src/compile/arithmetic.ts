import type { PlanNode } from "../plan.ts";
import { and } from "../sql.ts";
import * as ieee from "./ieee.ts";
import { AMBIGUOUS_CONSTANT, asNum, checkIntBound, errorScalar, fromNum, intBoundOf, kindOf } from "./numbers.ts";
import { asScalar, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;
type Op = "add" | "sub" | "mult" | "div" | "mod";

const INT_SQL = { add: "+", sub: "-", mult: "*", mod: "%" } as const;

function operands(node: CallNode, context: Context): [Scalar, Scalar] {
  const [first, second] = operandsOf(node, 2);
  const left = compileOperand(context, first!);
  const right = compileOperand(context, second!);
  for (const side of [left, right]) {
    if (side.kind === "list" || side.kind === "collection") {
      refuse(node, "list concatenation cannot be translated (it would need a correlated UNION)");
    }
  }
  return [asScalar(context, first!, left), asScalar(context, second!, right)];
}

function intResult(context: Context, node: CallNode, op: Op, a: Scalar, b: Scalar): Scalar {
  const dialectBigint = (x: Scalar) => context.dialect.bigint(x.sql);
  const bounds = [intBoundOf(a), intBoundOf(b)] as const;
  const bound = checkIntBound(
    node,
    op === "mult" ? bounds[0] * bounds[1] : op === "add" || op === "sub" ? bounds[0] + bounds[1] : bounds[0],
  );
  // int division and modulo by zero are CEL errors; both truncate toward zero like SQL's integer / and %.
  const divisor = op === "div" || op === "mod" ? `(${b.sql} <> 0)` : "(1=1)";
  return {
    sql: `(${dialectBigint(a)} ${op === "div" ? context.dialect.integerDivide : INT_SQL[op]} ${dialectBigint(b)})`,
    type: "number",
    nullable: false,
    ok: and(notNull(a), notNull(b), divisor),
    path: a.path,
    numberKind: "int",
    intBound: bound,
  };
}

function doubleResult(context: Context, op: Exclude<Op, "mod">, a: Scalar, b: Scalar): Scalar {
  const [x, y] = [asNum(context, a), asNum(context, b)];
  const num =
    op === "add"
      ? ieee.add(context, x, y)
      : op === "sub"
        ? ieee.add(context, x, ieee.neg(context, y))
        : op === "mult"
          ? ieee.mult(context, x, y)
          : ieee.div(context, x, y);
  return fromNum(num, and(notNull(a), notNull(b)), a.path);
}

/**
 * `+ - * / %` with CEL's types: int with int (size() values; int64 overflow ruled out by bounds),
 * double with double (attributes, fractional literals; IEEE results, ±Infinity and NaN decided
 * without computing them in SQL), string + string. An integral literal's type is lost in the
 * plan, so arithmetic with one is refused; every other mix has no CEL overload: an error.
 */
function arithmetic(op: Op) {
  return (node: CallNode, context: Context): Operand => {
    const [a, b] = operands(node, context);
    if (op === "add" && a.type === "string" && b.type === "string") {
      if (a.constant !== undefined && b.constant !== undefined) return refuse(node, "constant concatenation");
      const sql = context.dialect.concat(a.sql, b.sql);
      return {
        kind: "scalar",
        scalar: { sql, type: "string", nullable: false, ok: and(notNull(a), notNull(b)), path: a.path },
      };
    }
    for (const side of [a, b]) {
      if (side.type === "timestamp" || side.type === "other") refuse(node, `arithmetic on ${side.path} (${side.type})`);
    }
    if (a.type !== "number" || b.type !== "number") return { kind: "scalar", scalar: errorScalar(a.path) };
    const [ka, kb] = [kindOf(a), kindOf(b)];
    // CEL has no double modulo: with a double on either side it is an error whatever the other is.
    if (op === "mod" && (ka === "double" || kb === "double")) return { kind: "scalar", scalar: errorScalar(a.path) };
    if (ka === "uint" || kb === "uint")
      return refuse(node, "uint arithmetic (wrapping and underflow errors) is not translated");
    if (ka === "ambiguous" || kb === "ambiguous") return refuse(node, AMBIGUOUS_CONSTANT);
    if (ka !== kb) return { kind: "scalar", scalar: errorScalar(a.path) };
    if (ka === "int") return { kind: "scalar", scalar: intResult(context, node, op, a, b) };
    if (op === "mod") return { kind: "scalar", scalar: errorScalar(a.path) };
    return { kind: "scalar", scalar: doubleResult(context, op, a, b) };
  };
}

/** Unary minus of a double (exact, -0 included) or an int; a literal's minus is folded by the planner. */
function negate(node: CallNode, context: Context): Operand {
  const [argument] = operandsOf(node, 1);
  const x = asScalar(context, argument!, compileOperand(context, argument!));
  if (x.type !== "number") return refuse(node, `unary minus of ${x.path}, which is not a number`);
  const kind = kindOf(x);
  if (kind === "ambiguous" || kind === "uint") return refuse(node, AMBIGUOUS_CONSTANT);
  if (kind === "int") {
    return {
      kind: "scalar",
      scalar: { ...x, sql: `(- ${x.sql})`, nullable: false, ok: notNull(x), constant: undefined },
    };
  }
  return { kind: "scalar", scalar: fromNum(ieee.neg(context, asNum(context, x)), notNull(x), x.path) };
}

export const arithmeticOperators = {
  add: arithmetic("add"),
  sub: arithmetic("sub"),
  mult: arithmetic("mult"),
  div: arithmetic("div"),
  mod: arithmetic("mod"),
  "-_": negate,
};
