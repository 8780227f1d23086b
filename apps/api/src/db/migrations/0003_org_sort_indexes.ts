import type { QueryInterface } from "sequelize";
import { lowerColumn, schemaDialect } from "../schema-dialect.ts";

// Found by the benchmark (BENCHMARKS.md, section 2d): a page of an organization's contacts
// sorted by name used the organizationId index and then sorted every visible row on a temp
// B-tree (100k rows at 1M contacts). With the organization in front of the sort key, a page
// filtered to one organization walks the index in order and stops after the page; a list over
// several organizations can walk one range per organization and merge them (UNION ALL … ORDER
// BY, SQLite "MERGE (UNION ALL)", Postgres "Merge Append").
const sortKeys = ["firstName", "lastName"] as const;

function sortExpression(dialect: string, column: string): string {
  // Must match apps/api/src/contacts/sql.ts textKey exactly, or the planner ignores the index.
  return dialect === "postgres" ? `(lower("${column}") COLLATE "C")` : `lower("${column}")`;
}

const indexName = (column: string) => `contacts_org_lower_${column}_id`;

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const dialect = qi.sequelize.getDialect();
  if (schemaDialect(qi).mariadb) {
    // The generated sort-key columns of migration 0002.
    for (const column of sortKeys) {
      await qi.addIndex("contacts", ["organizationId", lowerColumn(column), "id"], { name: indexName(column) });
    }
    return;
  }
  for (const column of sortKeys) {
    await qi.sequelize.query(
      `CREATE INDEX IF NOT EXISTS "${indexName(column)}" ON "contacts" ("organizationId", ${sortExpression(dialect, column)}, "id")`,
    );
  }
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const column of sortKeys) await qi.removeIndex("contacts", indexName(column));
}
