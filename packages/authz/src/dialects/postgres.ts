import type { Sequelize } from "sequelize";
import type { Dialect, TimestampField } from "../dialect.ts";
import { ASCII_UPPER, common, derivedRow } from "./common.ts";

const FIELDS: Record<TimestampField, [string, number]> = {
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

export function postgres(sequelize: Sequelize): Dialect {
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
    occurrences: (sql, d) => `char_length(${sql}) - char_length(replace(${sql}, ${d}, ''))`,
    concat: (a, b) => `(${a} || ${b})`,
    // lower() follows the locale and folds non-ASCII letters; translate() folds A-Z only.
    lowerAscii: (sql) => `translate(${sql}, '${ASCII_UPPER}', '${ASCII_UPPER.toLowerCase()}')`,
    upperAscii: (sql) => `translate(${sql}, '${ASCII_UPPER.toLowerCase()}', '${ASCII_UPPER}')`,
    text: (sql) => `CAST(${sql} AS TEXT)`,
    double: (sql) => `CAST(${sql} AS DOUBLE PRECISION)`,
    bigint: (sql) => `CAST(${sql} AS BIGINT)`,
    integerDivide: "/",
    truncate: (sql) => `CAST(trunc(${sql}) AS BIGINT)`,
    doubleLiteral: (text) => `CAST('${text}' AS DOUBLE PRECISION)`,
    // Postgres's NaN equals itself (and sorts above every number), so IN finds it.
    finite: (sql) =>
      `(CASE WHEN ${sql} IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION)) THEN NULL ELSE ${sql} END)`,
    infinity: "CAST('Infinity' AS DOUBLE PRECISION)",
    bindRow: derivedRow(base.quote),
    // A resource carries the JS Date pg parses, which drops sub-millisecond digits: so does SQL.
    instant: (sql) => `date_trunc('milliseconds', ${sql})`,
    instantLiteral: (date) => `CAST(${base.escape(date)} AS TIMESTAMP WITH TIME ZONE)`,
    isoText: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    timestampField: (instant, field) => {
      const [unit, shift] = FIELDS[field];
      const value = `floor(EXTRACT(${unit} FROM ${instant} AT TIME ZONE 'UTC'))`;
      const ms = field === "getMilliseconds" ? `(CAST(${value} AS BIGINT) % 1000)` : `CAST(${value} AS BIGINT)`;
      return `(${ms}${shift === 0 ? "" : ` ${shift}`})`;
    },
  };
}
