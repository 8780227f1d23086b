import { Op, type Sequelize, type WhereOptions } from "sequelize";
import { lowerColumn } from "../db/schema-dialect.ts";
import { contactSortFields } from "../schemas.ts";

export const sortFields = contactSortFields;
export type SortField = (typeof sortFields)[number];
export type SortDir = "asc" | "desc";

/** Small SQL fragments for the contacts list, written once for SQLite, Postgres and MariaDB. */
export function contactSql(sequelize: Sequelize) {
  const qi = sequelize.getQueryInterface();
  const q = (identifier: string) => qi.quoteIdentifiers(identifier);
  const isPostgres = sequelize.getDialect() === "postgres";
  const isMariadb = sequelize.getDialect() === "mariadb";
  // Code-point order on every dialect (Postgres would otherwise follow the cluster's locale;
  // MariaDB's tables are utf8mb4_nopad_bin, migration 0001).
  const textKey = (expression: string) => (isPostgres ? `(lower(${expression}) COLLATE "C")` : `lower(${expression})`);
  // MariaDB has no functional indexes: the name sort keys are generated columns (migration 0002).
  const nameKey = (column: string) =>
    isMariadb ? q(`Contact.${lowerColumn(column)}`) : textKey(q(`Contact.${column}`));

  /** The `name` of the row of `table` the contact's `column` refers to (NULL when there is none). */
  const nameOf = (table: string, column: string) =>
    `(SELECT ${q("n.name")} FROM ${q(table)} AS ${q("n")} WHERE ${q("n.id")} = ${q(`Contact.${column}`)})`;

  const sortKeys: Record<SortField, string> = {
    firstName: nameKey("firstName"),
    lastName: nameKey("lastName"),
    createdAt: q("Contact.createdAt"),
    updatedAt: q("Contact.updatedAt"),
    company: textKey(`COALESCE(${nameOf("companies", "companyId")}, '')`),
  };

  return {
    sortKey: (field: SortField) => sortKeys[field],
    nameOf,

    /** The row's tags as JSON text (an array of {id, name}; `[]` for none). */
    tagList(): string {
      const from = `FROM ${q("contact_tags")} AS ${q("ct")} JOIN ${q("tags")} AS ${q("t")} ON ${q("t.id")} = ${q("ct.tagId")} WHERE ${q("ct.contactId")} = ${q("Contact.id")}`;
      const [id, name] = [q("t.id"), q("t.name")];
      if (isPostgres) {
        return `(SELECT COALESCE(json_agg(json_build_object('id', ${id}, 'name', ${name})), '[]'::json)::text ${from})`;
      }
      if (isMariadb) return `(SELECT COALESCE(JSON_ARRAYAGG(JSON_OBJECT('id', ${id}, 'name', ${name})), '[]') ${from})`;
      return `(SELECT json_group_array(json_object('id', ${id}, 'name', ${name})) ${from})`;
    },

    /**
     * Case-insensitive substring of "first last"; %, _ and \ in the text match themselves.
     */
    search(text: string): WhereOptions {
      const pattern = `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      const [first, last] = [q("Contact.firstName"), q("Contact.lastName")];
      // MariaDB: `||` is OR, and a backslash escapes inside string literals.
      const fullName = isMariadb ? `CONCAT(${first}, ' ', ${last})` : `${first} || ' ' || ${last}`;
      const escapeChar = isMariadb ? "'\\\\'" : "'\\'";
      return sequelize.literal(`lower(${fullName}) LIKE lower(${sequelize.escape(pattern)}) ESCAPE ${escapeChar}`);
    },

    hasTag(tag: string): WhereOptions {
      return {
        id: {
          [Op.in]: sequelize.literal(
            `(SELECT ${q("ct.contactId")} FROM ${q("contact_tags")} AS ${q("ct")} JOIN ${q("tags")} AS ${q("t")} ON ${q("t.id")} = ${q("ct.tagId")} WHERE ${q("t.name")} = ${sequelize.escape(tag)})`,
          ),
        },
      };
    },

    /** Rows strictly after the cursor's (sort key, id) in the list's order. */
    after(field: SortField, dir: SortDir, key: string | Date, id: number): WhereOptions {
      const expression = sortKeys[field];
      const op = dir === "asc" ? ">" : "<";
      const value = sequelize.escape(key);
      const idColumn = q("Contact.id");
      return sequelize.literal(
        `(${expression} ${op} ${value} OR (${expression} = ${value} AND ${idColumn} ${op} ${Number(id)}))`,
      );
    },
  };
}
