import type { Sequelize } from "sequelize";
import { mariadb } from "./dialects/mariadb.ts";
import { postgres } from "./dialects/postgres.ts";
import { sqlite } from "./dialects/sqlite.ts";
import type { AnyModel } from "./mapper.ts";

/** The Sequelize dialects the translation is exact on; each has a builder in DIALECTS below. */
export type DialectName = "sqlite" | "postgres" | "mariadb";

/** A column of a one-row bound table (see `bindRow`): a double, an integer or condition, or a MariaDB value pair. */
export interface BoundColumn {
  readonly name: string;
  readonly sql: string;
  readonly type: "double" | "integer" | "pair";
}

/** Everything that differs between the dialects, and the only place SQL text meets values. */
export interface Dialect {
  readonly name: DialectName;
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
  /** How many times a one-character `delimiter` occurs in the text (a sum or difference: safe before `+ 1`). */
  occurrences(sql: string, delimiter: string): string;
  /** Length in Unicode code points. */
  length(sql: string): string;
  concat(a: string, b: string): string;
  lowerAscii(sql: string): string;
  upperAscii(sql: string): string;
  text(sql: string): string;
  double(sql: string): string;
  /** An integer as a 64-bit integer (Postgres sizes are int4, whose arithmetic overflows at 2^31). */
  bigint(sql: string): string;
  /** The operator of 64-bit integer division truncating toward zero. */
  readonly integerDivide: string;
  /** A double in (-2^63, 2^63) truncated toward zero, as a 64-bit integer. */
  truncate(sql: string): string;
  /** A finite double literal from its shortest decimal text (`String(value)`), read as a double. */
  doubleLiteral(text: string): string;
  /** A double column with NaN and ±Infinity read as NULL (they reach Cerbos as JSON null). */
  finite(sql: string): string;
  /**
   * Positive infinity as a double literal (comparisons only: SQL never computes one), or
   * undefined where doubles cannot be infinite (MariaDB): computed doubles then carry their
   * infinity in a class beside the value (compile/ieee.ts).
   */
  readonly infinity: string | undefined;
  /**
   * A one-row table of `columns` under `alias`, a FROM item that may refer to the outer row:
   * the operands of an arithmetic operation are computed once and used many times.
   */
  bindRow(columns: readonly BoundColumn[], alias: string): string;
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

/** Kysely-style dispatch: a dialect added to DialectName without a builder here is a compile error. */
const DIALECTS: { readonly [K in DialectName]: (sequelize: Sequelize) => Dialect } = { sqlite, postgres, mariadb };

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
  if (!Object.hasOwn(DIALECTS, name)) {
    throw new Error(
      `@repo/authz supports the sqlite, postgres and mariadb dialects, not ${name}` +
        (name === "mysql" ? " (MariaDB: use Sequelize's mariadb dialect; MySQL itself is untested)" : ""),
    );
  }
  return DIALECTS[name as DialectName](sequelize);
}
