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

/**
 * Every contact (or the given ids), ordered by id. ONE statement (a row per tag), so the row and
 * its tags come from one snapshot: read in two, a delete committed in between (tags first, then
 * the row) showed a contact without its tags, a state that never existed (a false leak under load).
 */
export async function readContacts(db: SqlReader, ids?: readonly number[]): Promise<ContactRow[]> {
  if (ids?.length === 0) return [];
  const only = ids ? inList(ids) : undefined;
  const rows = await db.all<Record<string, unknown>>(
    `SELECT c."id", c."firstName", c."lastName", c."ownerId", c."organizationId", c."companyId",
            co."name" AS "companyName", c."isActive", c."marketingOptIn", c."createdAt", c."updatedAt",
            t."name" AS "tagName"
       FROM "contacts" c
       LEFT JOIN "companies" co ON co."id" = c."companyId"
       LEFT JOIN "contact_tags" ct ON ct."contactId" = c."id"
       LEFT JOIN "tags" t ON t."id" = ct."tagId"
      ${only ? `WHERE c."id" IN ${only.sql}` : ""} ORDER BY c."id"`,
    only?.params,
  );
  const contacts = new Map<number, ContactRow>();
  for (const row of rows) {
    const id = int(row.id);
    const contact = contacts.get(id) ?? {
      id,
      firstName: String(row.firstName),
      lastName: String(row.lastName),
      ownerId: String(row.ownerId),
      organizationId: int(row.organizationId),
      companyId: nullableInt(row.companyId),
      companyName: row.companyName === null ? null : String(row.companyName),
      isActive: bool(row.isActive),
      marketingOptIn: bool(row.marketingOptIn),
      tags: [],
      createdAt: time(row.createdAt),
      updatedAt: time(row.updatedAt),
    };
    if (row.tagName !== null && row.tagName !== undefined) contact.tags.push(String(row.tagName));
    contacts.set(id, contact);
  }
  return [...contacts.values()].map((contact) => ({ ...contact, tags: contact.tags.sort() }));
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
