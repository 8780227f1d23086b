import type { OracleResource, SqlReader } from "./types.ts";
import { bool, inList, int, nullableInt, time } from "./values.ts";

/** A contact row read with plain SQL, with what the lists show and sort by. */
export interface ContactRow {
  id: number;
  firstName: string;
  lastName: string;
  ownerId: string;
  organizationId: number;
  companyId: number | null;
  companyName: string | null;
  isActive: boolean;
  marketingOptIn: boolean;
  /** Tag names, sorted. */
  tags: string[];
  /** Milliseconds since the epoch. */
  createdAt: number;
  updatedAt: number;
}

/** Every contact (or the given ids), ordered by id. */
export async function readContacts(db: SqlReader, ids?: readonly number[]): Promise<ContactRow[]> {
  if (ids?.length === 0) return [];
  const only = ids ? inList(ids) : undefined;
  const rows = await db.all<Record<string, unknown>>(
    `SELECT c."id", c."firstName", c."lastName", c."ownerId", c."organizationId", c."companyId",
            co."name" AS "companyName", c."isActive", c."marketingOptIn", c."createdAt", c."updatedAt"
       FROM "contacts" c LEFT JOIN "companies" co ON co."id" = c."companyId"
      ${only ? `WHERE c."id" IN ${only.sql}` : ""} ORDER BY c."id"`,
    only?.params,
  );
  const links = await db.all<{ contactId: unknown; name: string }>(
    `SELECT ct."contactId", t."name" FROM "contact_tags" ct JOIN "tags" t ON t."id" = ct."tagId"
      ${only ? `WHERE ct."contactId" IN ${only.sql}` : ""}`,
    only?.params,
  );
  const tags = new Map<number, string[]>();
  for (const link of links) {
    const id = int(link.contactId);
    tags.set(id, [...(tags.get(id) ?? []), link.name]);
  }
  return rows.map((row) => ({
    id: int(row.id),
    firstName: String(row.firstName),
    lastName: String(row.lastName),
    ownerId: String(row.ownerId),
    organizationId: int(row.organizationId),
    companyId: nullableInt(row.companyId),
    companyName: row.companyName === null ? null : String(row.companyName),
    isActive: bool(row.isActive),
    marketingOptIn: bool(row.marketingOptIn),
    tags: (tags.get(int(row.id)) ?? []).sort(),
    createdAt: time(row.createdAt),
    updatedAt: time(row.updatedAt),
  }));
}

/** The contact as a Cerbos resource, exactly as policies/_schemas/contact.json describes it. */
export function contactResource(row: ContactRow): OracleResource {
  return {
    kind: "contact",
    id: String(row.id),
    attr: {
      ownerId: row.ownerId,
      organizationId: row.organizationId,
      companyId: row.companyId,
      isActive: row.isActive,
      marketingOptIn: row.marketingOptIn,
      tags: [...row.tags].sort(),
    },
  };
}
