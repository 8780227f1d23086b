import { DataTypes, type QueryInterface } from "sequelize";

/**
 * What the migrations write differently on MariaDB: DATE is a DATETIME without fractions unless
 * given a precision (the app's keyset cursors and the policies compare milliseconds), and every
 * table is utf8mb4 under utf8mb4_nopad_bin, so the app's own equality (usernames, tag names),
 * sorting and cursors are byte-exact and in code-point order as on SQLite and Postgres "C",
 * whatever the database's default collation (usually case-insensitive, PAD SPACE).
 */
export function schemaDialect(qi: QueryInterface) {
  const mariadb = qi.sequelize.getDialect() === "mariadb";
  return {
    mariadb,
    date: mariadb ? DataTypes.DATE(3) : DataTypes.DATE,
    table: mariadb ? { charset: "utf8mb4", collate: "utf8mb4_nopad_bin" } : {},
  };
}

/** MariaDB has no functional indexes: a list's lower(name) sort key is this generated column. */
export const lowerColumn = (column: string) => `${column}Lower`;
