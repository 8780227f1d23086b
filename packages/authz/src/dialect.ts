import type { Sequelize } from "sequelize";
import type { AnyModel } from "./mapper.ts";

/** Everything that differs between SQLite and Postgres, and the only place SQL text meets values. */
export interface Dialect {
  readonly name: "sqlite" | "postgres";
  quote(identifier: string): string;
  table(model: AnyModel): string;
  /** A value as an escaped SQL literal (Sequelize's escaping for the dialect). */
  escape(value: string | number | boolean | Date | null): string;
  nullSafeEq(a: string, b: string): string;
  nullSafeNe(a: string, b: string): string;
  /** A string operand for `=`/`<>`/`IN`: byte-exact comparison whatever the column collation. */
  exact(sql: string): string;
  /** A string operand for `<`/`>`: code-point order. */
  ordered(sql: string): string;
  contains(haystack: string, needle: string): string;
  startsWith(haystack: string, needle: string): string;
  endsWith(haystack: string, needle: string): string;
  /** The text up to and including the last occurrence of a one-character `delimiter`, or '' without one. */
  throughLast(sql: string, delimiter: string): string;
  /** Length in Unicode code points. */
  length(sql: string): string;
  lowerAscii(sql: string): string;
  upperAscii(sql: string): string;
  text(sql: string): string;
  double(sql: string): string;
  /** An integer as a 64-bit integer (Postgres sizes are int4, whose arithmetic overflows at 2^31). */
  bigint(sql: string): string;
  /** A double column with NaN and ±Infinity read as NULL (they reach Cerbos as JSON null). */
  finite(sql: string): string;
  /** Positive infinity as a double literal (comparisons only: SQL never computes one). */
  readonly infinity: string;
  /** A date column as a value that orders and compares exactly as the instant it stores. */
  instant(sql: string): string;
  instantLiteral(date: Date): string;
  /** A UTC calendar field of an instant (see TIMESTAMP_FIELDS), as an integer. */
  timestampField(instant: string, field: TimestampField): string;
  /** A date column as the text toCerbosResource sends: `Date.toISOString()`. */
  isoText(sql: string): string;
}

/** CEL's timestamp accessors without a time zone argument: UTC, 0-based except getDate. */
export type TimestampField =
  | "getFullYear"
  | "getMonth"
  | "getDayOfYear"
  | "getDayOfMonth"
  | "getDate"
  | "getDayOfWeek"
  | "getHours"
  | "getMinutes"
  | "getSeconds"
  | "getMilliseconds";

const SQLITE_FIELDS: Record<TimestampField, [string, number]> = {
  getFullYear: ["%Y", 0],
  getMonth: ["%m", -1],
  getDayOfYear: ["%j", -1],
  getDayOfMonth: ["%d", -1],
  getDate: ["%d", 0],
  getDayOfWeek: ["%w", 0],
  getHours: ["%H", 0],
  getMinutes: ["%M", 0],
  getSeconds: ["%S", 0],
  getMilliseconds: ["%f", 0],
};

const POSTGRES_FIELDS: Record<TimestampField, [string, number]> = {
  getFullYear: ["YEAR", 0],
  getMonth: ["MONTH", -1],
  getDayOfYear: ["DOY", -1],
  getDayOfMonth: ["DAY", -1],
  getDate: ["DAY", 0],
  getDayOfWeek: ["DOW", 0],
  getHours: ["HOUR", 0],
  getMinutes: ["MINUTE", 0],
  getSeconds: ["SECOND", 0],
  getMilliseconds: ["MILLISECONDS", 0],
};

const ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function common(sequelize: Sequelize, booleans: [string, string]): Pick<Dialect, "quote" | "table" | "escape"> {
  const generator = sequelize.getQueryInterface().queryGenerator as {
    quoteIdentifier(identifier: string): string;
    quoteTable(table: unknown): string;
  };
  // Quoting is pure and a plan names the same few identifiers again and again.
  const quoted = new Map<string, string>();
  return {
    quote: (identifier) => {
      let result = quoted.get(identifier);
      if (result === undefined) {
        result = generator.quoteIdentifier(identifier);
        quoted.set(identifier, result);
      }
      return result;
    },
    table: (model) => generator.quoteTable(model.getTableName()),
    escape: (value) => {
      if (value === null) return "NULL";
      if (typeof value === "boolean") return value ? booleans[0] : booleans[1];
      return sequelize.escape(value);
    },
  };
}

function sqlite(sequelize: Sequelize): Dialect {
  const base = common(sequelize, ["1", "0"]);
  return {
    ...base,
    name: "sqlite",
    nullSafeEq: (a, b) => `(${a} IS ${b})`,
    nullSafeNe: (a, b) => `(${a} IS NOT ${b})`,
    exact: (sql) => `${sql} COLLATE BINARY`,
    ordered: (sql) => `${sql} COLLATE BINARY`,
    // instr/substr compare characters exactly: no LIKE, so % _ \ and case are literal.
    contains: (h, n) => `(instr(${h}, ${n}) > 0)`,
    startsWith: (h, n) => `(substr(${h}, 1, length(${n})) = ${n} COLLATE BINARY)`,
    endsWith: (h, n) => `(length(${n}) = 0 OR substr(${h}, -length(${n})) = ${n} COLLATE BINARY)`,
    length: (sql) => `length(${sql})`,
    // rtrim strips every trailing character other than the delimiter (the set of the others).
    throughLast: (sql, d) => `rtrim(${sql}, replace(${sql}, ${d}, ''))`,
    // SQLite's lower() folds ASCII only (no ICU here), exactly CEL's lowerAscii.
    lowerAscii: (sql) => `lower(${sql})`,
    upperAscii: (sql) => `upper(${sql})`,
    text: (sql) => `CAST(${sql} AS TEXT)`,
    double: (sql) => `CAST(${sql} AS REAL)`,
    bigint: (sql) => sql,
    // SQLite stores a NaN as NULL already; 9e999 is its ±Infinity.
    // A NaN or ±Infinity Sequelize wrote as text ('NaN', 'Infinity') is not a number either.
    finite: (sql) =>
      `(CASE WHEN typeof(${sql}) NOT IN ('integer', 'real') OR ${sql} IN (9e999, -9e999) THEN NULL ELSE ${sql} END)`,
    infinity: "9e999",
    // Sequelize stores 'YYYY-MM-DD HH:MM:SS.SSS +00:00'; strftime normalises any offset to UTC text.
    instant: (sql) => `strftime('%Y-%m-%d %H:%M:%f', ${sql})`,
    instantLiteral: (date) => base.escape(date.toISOString().replace("T", " ").replace("Z", "")),
    isoText: (sql) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${sql})`,
    timestampField: (instant, field) => {
      const [format, shift] = SQLITE_FIELDS[field];
      // %f is SS.SSS: its last three digits are the milliseconds.
      const text = field === "getMilliseconds" ? `substr(${instant}, 21, 3)` : `strftime('${format}', ${instant})`;
      return `(CAST(${text} AS INTEGER)${shift === 0 ? "" : ` ${shift}`})`;
    },
  };
}

function postgres(sequelize: Sequelize): Dialect {
  const base = common(sequelize, ["TRUE", "FALSE"]);
  return {
    ...base,
    name: "postgres",
    nullSafeEq: (a, b) => `(${a} IS NOT DISTINCT FROM ${b})`,
    nullSafeNe: (a, b) => `(${a} IS DISTINCT FROM ${b})`,
    exact: (sql) => `${sql} COLLATE "C"`,
    ordered: (sql) => `${sql} COLLATE "C"`,
    contains: (h, n) => `(strpos(${h}, ${n}) > 0)`,
    startsWith: (h, n) => `(left(${h}, char_length(${n})) = ${n} COLLATE "C")`,
    endsWith: (h, n) => `(right(${h}, char_length(${n})) = ${n} COLLATE "C")`,
    length: (sql) => `char_length(${sql})`,
    throughLast: (sql, d) =>
      `(CASE WHEN strpos(${sql}, ${d}) = 0 THEN '' ELSE left(${sql}, char_length(${sql}) - strpos(reverse(${sql}), ${d}) + 1) END)`,
    // lower() follows the locale and folds non-ASCII letters; translate() folds A-Z only.
    lowerAscii: (sql) => `translate(${sql}, '${ASCII_UPPER}', '${ASCII_UPPER.toLowerCase()}')`,
    upperAscii: (sql) => `translate(${sql}, '${ASCII_UPPER.toLowerCase()}', '${ASCII_UPPER}')`,
    text: (sql) => `CAST(${sql} AS TEXT)`,
    double: (sql) => `CAST(${sql} AS DOUBLE PRECISION)`,
    bigint: (sql) => `CAST(${sql} AS BIGINT)`,
    // Postgres's NaN equals itself (and sorts above every number), so IN finds it.
    finite: (sql) =>
      `(CASE WHEN ${sql} IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION)) THEN NULL ELSE ${sql} END)`,
    infinity: "CAST('Infinity' AS DOUBLE PRECISION)",
    // A resource carries the JS Date pg parses, which drops sub-millisecond digits: so does SQL.
    instant: (sql) => `date_trunc('milliseconds', ${sql})`,
    instantLiteral: (date) => `CAST(${base.escape(date)} AS TIMESTAMP WITH TIME ZONE)`,
    isoText: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    timestampField: (instant, field) => {
      const [unit, shift] = POSTGRES_FIELDS[field];
      const value = `floor(EXTRACT(${unit} FROM ${instant} AT TIME ZONE 'UTC'))`;
      const ms = field === "getMilliseconds" ? `(CAST(${value} AS BIGINT) % 1000)` : `CAST(${value} AS BIGINT)`;
      return `(${ms}${shift === 0 ? "" : ` ${shift}`})`;
    },
  };
}

// Built once per Sequelize instance: building it (the query generator lookup and the closures)
// cost more than the rest of a typical translation.
const dialects = new WeakMap<Sequelize, Dialect>();

export function dialectFor(sequelize: Sequelize): Dialect {
  let dialect = dialects.get(sequelize);
  if (dialect === undefined) {
    dialect = buildDialect(sequelize);
    dialects.set(sequelize, dialect);
  }
  return dialect;
}

function buildDialect(sequelize: Sequelize): Dialect {
  const name = sequelize.getDialect();
  if (name === "sqlite") return sqlite(sequelize);
  if (name === "postgres") return postgres(sequelize);
  throw new Error(`@repo/authz supports the sqlite and postgres dialects, not ${name}`);
}
