import type { QueryInterface } from "sequelize";
import { lowerColumn, schemaDialect } from "../schema-dialect.ts";

// Found by the benchmark at 1M contacts (BENCHMARKS.md, section 2b): lists sort by
// lower(name), id — a plain index on the column cannot serve that order, so every visible row
// was sorted; and the exact count read the table instead of an index covering the tenant filter
// and the columns the contact policy tests.
const sortKeys = ["firstName", "lastName"] as const;

function sortExpression(dialect: string, column: string): string {
  // Must match apps/api/src/contacts/sql.ts textKey exactly, or the planner ignores the index.
  return dialect === "postgres" ? `(lower("${column}") COLLATE "C")` : `lower("${column}")`;
}

export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const dialect = qi.sequelize.getDialect();
  const { mariadb } = schemaDialect(qi);
  if (mariadb) {
    // No functional indexes (and double quotes are strings): a generated column of the sort key, indexed.
    for (const column of sortKeys) {
      await qi.sequelize.query(
        `ALTER TABLE \`contacts\` ADD COLUMN \`${lowerColumn(column)}\` VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin AS (lower(\`${column}\`)) VIRTUAL`,
      );
      await qi.addIndex("contacts", [lowerColumn(column), "id"], { name: `contacts_lower_${column}_id` });
    }
  }
  for (const column of mariadb ? [] : sortKeys) {
    await qi.sequelize.query(
      `CREATE INDEX IF NOT EXISTS "contacts_lower_${column}_id" ON "contacts" (${sortExpression(dialect, column)}, "id")`,
    );
  }
  await qi.addIndex("contacts", ["organizationId", "isActive", "marketingOptIn", "ownerId"], {
    name: "contacts_org_visibility",
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.removeIndex("contacts", "contacts_org_visibility");
  for (const column of sortKeys) await qi.removeIndex("contacts", `contacts_lower_${column}_id`);
  if (schemaDialect(qi).mariadb) for (const column of sortKeys) await qi.removeColumn("contacts", lowerColumn(column));
}
