import type { PlanNode } from "../plan.ts";
import { and, FALSE } from "../sql.ts";
import { asScalar, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

const SYMBOLS = { add: "+", sub: "-", mult: "*" } as const;

function checkOperand(node: PlanNode, scalar: Scalar): void {
  if (scalar.constant !== undefined) {
    refuse(
      node,
      "the plan drops a numeric constant's type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, " +
        "so whether CheckResources evaluates or fails is unknown",
    );
  }
  if (scalar.type !== "number" || scalar.integral !== true || scalar.numberKind === undefined) {
    refuse(node, `${scalar.path} is not an integer column or size(): only those are computed exactly in SQL`);
  }
}

/**
 * `a + b`, `a - b`, `a * b` of two integer-valued columns (or two size() values): computed in double
 * precision, which cannot overflow for 64-bit inputs and rounds exactly like CEL's doubles.
 * A null operand is a CEL error. Everything else is refused.
 */
function arithmetic(symbol: (typeof SYMBOLS)[keyof typeof SYMBOLS]) {
  return (node: CallNode, context: Context): Operand => {
    const [first, second] = operandsOf(node, 2);
    const left = compileOperand(context, first!);
    const right = compileOperand(context, second!);
    for (const side of [left, right]) {
      if (side.kind === "list" || side.kind === "collection") {
        refuse(node, "list concatenation cannot be translated (it would need a correlated UNION)");
      }
    }
    const a = asScalar(context, first!, left);
    const b = asScalar(context, second!, right);
    if (a.type === "string" && b.type === "string" && symbol === "+") {
      if (a.constant !== undefined && b.constant !== undefined) return refuse(node, "constant concatenation");
      const sql = `(${a.sql} || ${b.sql})`;
      return {
        kind: "scalar",
        scalar: { sql, type: "string", nullable: false, ok: and(notNull(a), notNull(b)), path: a.path },
      };
    }
    checkOperand(node, a);
    checkOperand(node, b);
    if (a.numberKind !== b.numberKind) return refuse(node, "CEL has no arithmetic between an int and a double");
    const { dialect } = context;
    const sql = `(${dialect.double(a.sql)} ${symbol} ${dialect.double(b.sql)})`;
    const scalar: Scalar = { sql, type: "number", nullable: false, ok: and(notNull(a), notNull(b)), path: a.path };
    return { kind: "scalar", scalar: { ...scalar, numberKind: a.numberKind } };
  };
}

export const arithmeticOperators = {
  add: arithmetic(SYMBOLS.add),
  sub: arithmetic(SYMBOLS.sub),
  mult: arithmetic(SYMBOLS.mult),
  mod: (node: CallNode, context: Context) => modulo(node, context),
  "-_": (node: CallNode, context: Context) => negate(node, context),
};

/** `%` on a double (every attribute reaches CEL as a double) has no overload: always an evaluation error. */
export function modulo(node: CallNode, context: Context): Operand {
  const [first, second] = operandsOf(node, 2);
  const a = asScalar(context, first!, compileOperand(context, first!));
  const b = asScalar(context, second!, compileOperand(context, second!));
  if (a.numberKind === "double" || b.numberKind === "double") {
    return { kind: "scalar", scalar: { sql: "NULL", type: "number", nullable: false, ok: FALSE, path: a.path } };
  }
  return refuse(node, "CEL modulo is defined on ints only and fails on zero; SQL does not reproduce that");
}

/** Unary minus of a number column or size(): exact in double precision (no int64 overflow possible). */
export function negate(node: CallNode, context: Context): Operand {
  const [argument] = operandsOf(node, 1);
  const x = asScalar(context, argument!, compileOperand(context, argument!));
  if (x.constant !== undefined || x.type !== "number" || x.numberKind === undefined) {
    return refuse(node, `unary minus of ${x.path}, which is not a number column or size()`);
  }
  const sql = x.numberKind === "int" ? `(- ${x.sql})` : `(- ${context.dialect.double(x.sql)})`;
  return {
    kind: "scalar",
    scalar: { sql, type: "number", nullable: false, ok: notNull(x), path: x.path, numberKind: x.numberKind },
  };
}
