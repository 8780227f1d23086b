import type { TimestampField } from "../dialect.ts";
import type { PlanNode } from "../plan.ts";
import { FALSE } from "../sql.ts";
import { asScalar, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Context, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a CEL timestamp literal to the millisecond a resource's date carries: finer digits are
 * floored (the comparison operators then adjust, see ordering.ts), `floored` says so.
 */
function parseTimestamp(node: PlanNode, text: string): { date: Date; floored: boolean } {
  const match = RFC3339.exec(text);
  if (match === null) return refuse(node, `not an RFC 3339 timestamp: ${JSON.stringify(text)}`);
  const fraction = match[7] ?? "";
  const floored = /[1-9]/.test(fraction.slice(3));
  // The fraction is always positive within its second, so dropping digits floors the instant.
  const millis = fraction.slice(0, 3);
  const date = new Date(text.replace(/\.\d+/, millis === "" ? "" : `.${millis}`));
  if (Number.isNaN(date.getTime())) return refuse(node, `invalid timestamp: ${JSON.stringify(text)}`);
  return { date, floored };
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
    const { date, floored } = parseTimestamp(node, value);
    const sql = dialect.instantLiteral(date);
    return {
      kind: "scalar",
      scalar: { sql, type: "timestamp", nullable: false, ok: scalar.ok, path: scalar.path, floored },
    };
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

/**
 * `timestamp(x).getFullYear()` and the other accessors, in UTC (no time zone argument): the same
 * calendar arithmetic in every dialect. With a time zone they are refused (Go's zone database and
 * the database's may differ).
 */
function accessor(field: TimestampField) {
  return (node: CallNode, context: Context): Operand => {
    if (node.operands.length !== 1) {
      return refuse(node, "a timestamp accessor with a time zone: the PDP's and the database's zone rules may differ");
    }
    const [argument] = node.operands;
    const operand = compileOperand(context, argument!);
    const value = asScalar(context, argument!, operand);
    if (value.type !== "timestamp" || value.constant !== undefined) {
      return refuse(node, `${field}() of something that is not a timestamp() of a date column`);
    }
    const sql = context.dialect.timestampField(value.sql, field);
    const scalar = {
      sql,
      type: "number" as const,
      nullable: false,
      ok: value.ok,
      path: value.path,
      numberKind: "int" as const,
      intBound: 2 ** 31,
    };
    return { kind: "scalar", scalar };
  };
}

const FIELDS: readonly TimestampField[] = [
  "getFullYear",
  "getMonth",
  "getDayOfYear",
  "getDayOfMonth",
  "getDate",
  "getDayOfWeek",
  "getHours",
  "getMinutes",
  "getSeconds",
  "getMilliseconds",
];

export const timeOperators = {
  timestamp,
  ...(Object.fromEntries(FIELDS.map((field) => [field, accessor(field)])) as Record<
    TimestampField,
    ReturnType<typeof accessor>
  >),
};
