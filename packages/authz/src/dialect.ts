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
  /** Length in Unicode code points. */
  length(sql: string): string;
  lowerAscii(sql: string): string;
  text(sql: string): string;
  double(sql: string): string;
  /** A date column as a value that orders and compares exactly as the instant it stores. */
  instant(sql: string): string;
  instantLiteral(date: Date): string;
  /** A date column as the text toCerbosResource sends: `Date.toISOString()`. */
  isoText(sql: string): string;
}

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
    // SQLite's lower() folds ASCII only (no ICU here), exactly CEL's lowerAscii.
    lowerAscii: (sql) => `lower(${sql})`,
    text: (sql) => `CAST(${sql} AS TEXT)`,
    double: (sql) => `CAST(${sql} AS REAL)`,
    // Sequelize stores 'YYYY-MM-DD HH:MM:SS.SSS +00:00'; strftime normalises any offset to UTC text.
    instant: (sql) => `strftime('%Y-%m-%d %H:%M:%f', ${sql})`,
    instantLiteral: (date) => base.escape(date.toISOString().replace("T", " ").replace("Z", "")),
    isoText: (sql) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${sql})`,
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
    // lower() follows the locale and folds non-ASCII letters; translate() folds A-Z only.
    lowerAscii: (sql) => `translate(${sql}, '${ASCII_UPPER}', '${ASCII_UPPER.toLowerCase()}')`,
    text: (sql) => `CAST(${sql} AS TEXT)`,
    double: (sql) => `CAST(${sql} AS DOUBLE PRECISION)`,
    instant: (sql) => sql,
    instantLiteral: (date) => `CAST(${base.escape(date)} AS TIMESTAMP WITH TIME ZONE)`,
    isoText: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
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
