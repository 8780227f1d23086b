import type { PlanNode } from "../plan.ts";
import { FALSE } from "../sql.ts";
import { asScalar, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a CEL timestamp literal; refuses precision below a millisecond (dates are stored in ms). */
function parseTimestamp(node: PlanNode, text: string): Date {
  const match = RFC3339.exec(text);
  if (match === null) return refuse(node, `not an RFC 3339 timestamp: ${JSON.stringify(text)}`);
  const fraction = match[7] ?? "";
  if (/[1-9]/.test(fraction.slice(3))) {
    return refuse(node, `timestamp ${text} is more precise than the millisecond a date column stores`);
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return refuse(node, `invalid timestamp: ${JSON.stringify(text)}`);
  return date;
}

/**
 * `timestamp(x)`: a date column becomes an exactly comparable instant (on SQLite, normalised UTC
 * text to the millisecond); a constant is parsed here. timestamp(null) is a CEL error.
 */
function timestamp(node: CallNode, context: Context): Operand {
  const [argument] = operandsOf(node, 1);
  const scalar = asScalar(context, argument!, compileOperand(context, argument!));
  const { dialect } = context;
  if (scalar.constant !== undefined) {
    const { value } = scalar.constant;
    if (value === null) return { kind: "scalar", scalar: { ...scalar, type: "timestamp", ok: FALSE } };
    if (typeof value !== "string") return refuse(node, "timestamp() of a constant that is not a string");
    const sql = dialect.instantLiteral(parseTimestamp(node, value));
    return { kind: "scalar", scalar: { sql, type: "timestamp", nullable: false, ok: scalar.ok, path: scalar.path } };
  }
  if (scalar.instant === undefined) return refuse(node, `timestamp() of ${scalar.path}, which is not a date column`);
  return {
    kind: "scalar",
    scalar: {
      sql: dialect.instant(scalar.instant),
      type: "timestamp",
      nullable: false,
      ok: notNull(scalar),
      path: scalar.path,
    },
  };
}

export const timeOperators = { timestamp };
