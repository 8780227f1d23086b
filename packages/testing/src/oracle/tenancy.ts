import type { OracleResource, SqlReader } from "./types.ts";
import { int } from "./values.ts";

/** Every company as a Cerbos resource (policies/_schemas/company.json). */
export async function readCompanies(db: SqlReader): Promise<OracleResource[]> {
  const rows = await db.all<{ id: unknown; organizationId: unknown }>(
    `SELECT "id", "organizationId" FROM "companies" ORDER BY "id"`,
  );
  return rows.map((row) => ({
    kind: "company",
    id: String(row.id),
    attr: { organizationId: int(row.organizationId) },
  }));
}

/** Every organization as a Cerbos resource: its `organizationId` is its own id (organization.json). */
export async function readOrganizations(db: SqlReader): Promise<OracleResource[]> {
  const rows = await db.all<{ id: unknown }>(`SELECT "id" FROM "organizations" ORDER BY "id"`);
  return rows.map((row) => ({ kind: "organization", id: String(row.id), attr: { organizationId: int(row.id) } }));
}
