import type { Sequelize } from "sequelize";
import type { Dialect, TimestampField } from "../dialect.ts";
import { common, derivedRow } from "./common.ts";

const FIELDS: Record<TimestampField, [string, number]> = {
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

export function sqlite(sequelize: Sequelize): Dialect {
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
    occurrences: (sql, d) => `length(${sql}) - length(replace(${sql}, ${d}, ''))`,
    concat: (a, b) => `(${a} || ${b})`,
    // SQLite's lower() folds ASCII only (no ICU here), exactly CEL's lowerAscii.
    lowerAscii: (sql) => `lower(${sql})`,
    upperAscii: (sql) => `upper(${sql})`,
    text: (sql) => `CAST(${sql} AS TEXT)`,
    double: (sql) => `CAST(${sql} AS REAL)`,
    bigint: (sql) => sql,
    integerDivide: "/",
    truncate: (sql) => `CAST(${sql} AS INTEGER)`,
    doubleLiteral: (text) => (/[.e]/.test(text) ? text : `${text}.0`),
    // SQLite stores a NaN as NULL already; 9e999 is its ±Infinity.
    // A NaN or ±Infinity Sequelize wrote as text ('NaN', 'Infinity') is not a number either.
    finite: (sql) =>
      `(CASE WHEN typeof(${sql}) NOT IN ('integer', 'real') OR ${sql} IN (9e999, -9e999) THEN NULL ELSE ${sql} END)`,
    infinity: "9e999",
    bindRow: derivedRow(base.quote),
    // Sequelize stores 'YYYY-MM-DD HH:MM:SS.SSS +00:00'; strftime normalises any offset to UTC text.
    instant: (sql) => `strftime('%Y-%m-%d %H:%M:%f', ${sql})`,
    instantLiteral: (date) => base.escape(date.toISOString().replace("T", " ").replace("Z", "")),
    isoText: (sql) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${sql})`,
    timestampField: (instant, field) => {
      const [format, shift] = FIELDS[field];
      // %f is SS.SSS: its last three digits are the milliseconds.
      const text = field === "getMilliseconds" ? `substr(${instant}, 21, 3)` : `strftime('${format}', ${instant})`;
      return `(CAST(${text} AS INTEGER)${shift === 0 ? "" : ` ${shift}`})`;
    },
  };
}
