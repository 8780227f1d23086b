import type { Sequelize } from "sequelize";
import type { BoundColumn, Dialect } from "../dialect.ts";

export const ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Quoting, table names and escaping through Sequelize's query generator for the dialect. */
export function common(sequelize: Sequelize, booleans: [string, string]): Pick<Dialect, "quote" | "table" | "escape"> {
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

/**
 * A derived table of one row (SQLite, Postgres). LIMIT 1 keeps the planner from inlining the
 * columns back into every use (exponential SQL).
 */
export function derivedRow(quote: (identifier: string) => string) {
  return (columns: readonly BoundColumn[], alias: string): string =>
    `(SELECT ${columns.map((column) => `${column.sql} AS ${quote(column.name)}`).join(", ")} LIMIT 1) AS ${alias}`;
}
