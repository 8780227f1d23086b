import type { Sequelize } from "sequelize";
import type { BoundColumn, Dialect, TimestampField } from "../dialect.ts";
import { UnsupportedQueryPlanError } from "../errors.ts";
import { ASCII_UPPER, common } from "./common.ts";

const FIELDS: Record<TimestampField, string> = {
  getFullYear: "YEAR(?)",
  getMonth: "(MONTH(?) - 1)",
  getDayOfYear: "(DAYOFYEAR(?) - 1)",
  getDayOfMonth: "(DAYOFMONTH(?) - 1)",
  getDate: "DAYOFMONTH(?)",
  // MariaDB's DAYOFWEEK is 1 for Sunday, CEL's getDayOfWeek 0.
  getDayOfWeek: "(DAYOFWEEK(?) - 1)",
  getHours: "HOUR(?)",
  getMinutes: "MINUTE(?)",
  getSeconds: "SECOND(?)",
  getMilliseconds: "(MICROSECOND(?) DIV 1000)",
};

/**
 * The text as utf8mb4 under utf8mb4_nopad_bin: code-point order and byte-exact equality,
 * whatever the column's charset and collation. The default utf8mb4_general_ci ignores case
 * ('Bob' = 'bob') and utf8mb4_bin still pads ('a' = 'a '); NO PAD binary does neither, and the
 * string functions over it (LOCATE, REPLACE, SUBSTRING_INDEX) match case-sensitively too.
 */
const exact = (sql: string) => `CONVERT(${sql} USING utf8mb4) COLLATE utf8mb4_nopad_bin`;

/**
 * A one-row table whose columns may refer to the outer row. MariaDB rejects outer references in
 * a derived table (the SQLite/Postgres form), but JSON_TABLE may refer to them; doubles pass
 * through JSON text exactly (MariaDB prints the shortest text that reads back as the same
 * double). A pair column (`[value, class]`, compile/ieee.ts) binds as `name` and `name_c`.
 */
function jsonRow(quote: (identifier: string) => string) {
  return (columns: readonly BoundColumn[], alias: string): string => {
    const items = columns.map((column) => (column.type === "pair" ? column.sql : `JSON_ARRAY(${column.sql})`));
    const definitions = columns.flatMap((column, index) =>
      column.type === "pair"
        ? [
            `${quote(column.name)} DOUBLE PATH '$[${index}][0]'`,
            `${quote(`${column.name}_c`)} INT PATH '$[${index}][1]'`,
          ]
        : [`${quote(column.name)} ${column.type === "double" ? "DOUBLE" : "INT"} PATH '$[${index}][0]'`],
    );
    return `JSON_TABLE(CONCAT('[', ${items.join(", ',', ")}, ']'), '$' COLUMNS (${definitions.join(", ")})) AS ${alias}`;
  };
}

/** A DATETIME/TIMESTAMP in UTC: Sequelize writes and reads dates in its `timezone` (an offset). */
function toUtc(timezone: string | undefined): (sql: string) => string {
  const zone = timezone ?? "+00:00";
  if (zone === "+00:00" || zone === "Z") return (sql) => sql;
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) return (sql) => `CONVERT_TZ(${sql}, '${zone}', '+00:00')`;
  return () => {
    throw new UnsupportedQueryPlanError(
      "timestamp",
      "-",
      `Sequelize's timezone ${JSON.stringify(zone)} is a named zone: dates are compared in UTC only with an offset timezone (e.g. "+00:00")`,
    );
  };
}

export function mariadb(sequelize: Sequelize): Dialect {
  const base = common(sequelize, ["TRUE", "FALSE"]);
  // Sequelize's options are not in its public types; `timezone` is what its mariadb dialect writes dates in.
  const utc = toUtc((sequelize as unknown as { options: { timezone?: string } }).options.timezone);
  const fold = (sql: string, from: string, to: string) =>
    [...from].reduce((text, letter, index) => `REPLACE(${text}, '${letter}', '${to[index]}')`, exact(sql));
  return {
    ...base,
    name: "mariadb",
    nullSafeEq: (a, b) => `(${a} <=> ${b})`,
    nullSafeNe: (a, b) => `(NOT (${a} <=> ${b}))`,
    exact,
    ordered: exact,
    // LOCATE/LEFT/RIGHT over NO PAD binary text: no LIKE, so case, % _ \ and spaces are literal.
    contains: (h, n) => `(LOCATE(${exact(n)}, ${exact(h)}) > 0)`,
    startsWith: (h, n) => `(LEFT(${h}, CHAR_LENGTH(${n})) = ${exact(n)})`,
    endsWith: (h, n) => `(RIGHT(${h}, CHAR_LENGTH(${n})) = ${exact(n)})`,
    length: (sql) => `CHAR_LENGTH(${sql})`,
    // SUBSTRING_INDEX(x, d, -1) is the text after the last d (all of it without one).
    throughLast: (sql, d) =>
      `LEFT(${exact(sql)}, CHAR_LENGTH(${sql}) - CHAR_LENGTH(SUBSTRING_INDEX(${exact(sql)}, ${d}, -1)))`,
    occurrences: (sql, d) => `CHAR_LENGTH(${sql}) - CHAR_LENGTH(REPLACE(${exact(sql)}, ${d}, ''))`,
    // `||` is OR in MariaDB's default sql_mode.
    concat: (a, b) => `CONCAT(${a}, ${b})`,
    // LOWER() folds every letter the collation knows (É → é); CEL's lowerAscii folds A-Z only.
    lowerAscii: (sql) => fold(sql, ASCII_UPPER, ASCII_UPPER.toLowerCase()),
    upperAscii: (sql) => fold(sql, ASCII_UPPER.toLowerCase(), ASCII_UPPER),
    text: (sql) => `CAST(${sql} AS CHAR)`,
    double: (sql) => `CAST(${sql} AS DOUBLE)`,
    // Integer arithmetic is 64-bit already; `/` would give a DECIMAL.
    bigint: (sql) => sql,
    integerDivide: "DIV",
    // CAST(x AS SIGNED) rounds a double; TRUNCATE(x, 0) goes toward zero.
    truncate: (sql) => `CAST(TRUNCATE(${sql}, 0) AS SIGNED)`,
    // `0.5` is a DECIMAL literal in MariaDB; with an exponent it is a double.
    doubleLiteral: (text) => (/e/i.test(text) ? text : `${text}e0`),
    // A MariaDB DOUBLE cannot hold NaN or ±Infinity (the server refuses to store them).
    finite: (sql) => sql,
    infinity: undefined,
    bindRow: jsonRow(base.quote),
    // The JS Date the driver reads carries milliseconds; CAST to DATETIME(3) drops finer digits.
    instant: (sql) => `CAST(${utc(sql)} AS DATETIME(3))`,
    instantLiteral: (date) =>
      `CAST(${base.escape(date.toISOString().replace("T", " ").replace("Z", ""))} AS DATETIME(3))`,
    isoText: (sql) => `CONCAT(LEFT(DATE_FORMAT(${utc(sql)}, '%Y-%m-%dT%H:%i:%s.%f'), 23), 'Z')`,
    timestampField: (instant, field) => FIELDS[field].replace("?", () => instant),
  };
}
