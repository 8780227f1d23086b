import type { PlanNode } from "../plan.ts";
import { and } from "../sql.ts";
import { literal } from "./ieee.ts";
import { errorScalar, kindOf } from "./numbers.ts";
import { asScalar, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

const scalar = (value: Scalar): Operand => ({ kind: "scalar", scalar: value });

function argument(node: CallNode, context: Context): Scalar {
  const [first] = operandsOf(node, 1);
  const value = asScalar(context, first!, compileOperand(context, first!));
  if (value.constant !== undefined) refuse(node, "a conversion of a constant (the planner folds those)");
  return value;
}

/** A double truncated toward zero, as an exact SQL integer, while `inRange` holds (else never computed). */
function truncated(context: Context, x: string, inRange: string): string {
  return `(CASE WHEN ${inRange} THEN ${context.dialect.truncate(x)} END)`;
}

/** int(): a double truncated toward zero, an error unless -2^63 < x < 2^63 (cel-go's check); an int as is. */
function toInt(node: CallNode, context: Context): Operand {
  const x = argument(node, context);
  if (x.type === "null") return scalar(errorScalar(x.path));
  if (x.type !== "number")
    return refuse(node, `int() of ${x.path} (${x.type}): parsing and time conversions are not translated`);
  const kind = kindOf(x);
  if (kind === "int") return scalar(x);
  if (kind !== "double") return refuse(node, `int() of ${x.path}, whose numeric type is unknown`);
  const bound = literal(context.dialect, 2 ** 63);
  const value = context.dialect.double(x.sql);
  const inRange = `(${value} > - ${bound} AND ${value} < ${bound})`;
  return scalar({
    sql: truncated(context, value, inRange),
    type: "number",
    nullable: false,
    // NaN and ±Infinity are errors too; a NaN (SQL NULL) fails the range test.
    ok: and(notNull(x), inRange),
    path: x.path,
    numberKind: "int",
    intBound: 2 ** 63,
  });
}

/** uint(): a double truncated toward zero, an error unless 0 <= x < 2^64. */
function toUint(node: CallNode, context: Context): Operand {
  const x = argument(node, context);
  if (x.type === "null") return scalar(errorScalar(x.path));
  if (x.type !== "number" || kindOf(x) !== "double")
    return refuse(node, `uint() of ${x.path}: only doubles are translated`);
  const { dialect } = context;
  const value = dialect.double(x.sql);
  const inRange = `(${value} >= 0 AND ${value} < ${literal(dialect, 2 ** 64)})`;
  // Doubles from 2^52 up are whole numbers already; below, the integer cast truncates exactly.
  const whole = `(CASE WHEN ${value} >= ${literal(dialect, 2 ** 52)} THEN ${value} ELSE ${dialect.double(truncated(context, value, inRange))} END)`;
  return scalar({
    sql: whole,
    type: "number",
    nullable: false,
    ok: and(notNull(x), inRange),
    path: x.path,
    numberKind: "uint",
  });
}

/** double(): a double as is; an int converted (exact: every int here came from a size or a double). */
function toDouble(node: CallNode, context: Context): Operand {
  const x = argument(node, context);
  if (x.type === "null") return scalar(errorScalar(x.path));
  if (x.type !== "number") return refuse(node, `double() of ${x.path} (${x.type}): parsing is not translated`);
  const kind = kindOf(x);
  if (kind === "double") return scalar(x);
  if (kind !== "int") return refuse(node, `double() of ${x.path}, whose numeric type is unknown`);
  return scalar({ ...x, sql: context.dialect.double(x.sql), numberKind: "double", intBound: undefined });
}

/** string(): a string as is, a bool as "true"/"false", an int in decimal; doubles and timestamps are refused. */
function toText(node: CallNode, context: Context): Operand {
  const x = argument(node, context);
  const text = (sql: string): Operand => scalar({ sql, type: "string", nullable: false, ok: notNull(x), path: x.path });
  if (x.type === "null") return scalar(errorScalar(x.path));
  if (x.type === "string") return scalar(x);
  if (x.type === "bool")
    return text(`(CASE WHEN ${x.sql} = ${context.dialect.escape(true)} THEN 'true' ELSE 'false' END)`);
  if (x.type === "number" && kindOf(x) === "int") return text(context.dialect.text(x.sql));
  return refuse(
    node,
    x.type === "number"
      ? "CEL's string() formats doubles like Go's %g (string(1000000.0) is \"1e+06\"); SQL's casts do not"
      : `string() of ${x.path} (${x.type}) is not translated`,
  );
}

/** dyn(): the value itself. */
function dyn(node: CallNode, context: Context): Operand {
  const [first] = operandsOf(node, 1);
  return compileOperand(context, first!);
}

export const castOperators = { int: toInt, uint: toUint, double: toDouble, string: toText, dyn };
