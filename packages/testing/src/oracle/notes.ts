import type { OracleResource, SqlReader } from "./types.ts";
import { int } from "./values.ts";

/**
 * Notes (or one contact's) as Cerbos resources (policies/_schemas/note.json): organizationId and
 * contactOwnerId are the contact's, joined here in SQL.
 */
export async function readNotes(db: SqlReader, contactId?: number): Promise<OracleResource[]> {
  const rows = await db.all<Record<string, unknown>>(
    `SELECT n."id", n."authorId", n."contactId", n."visibility", c."ownerId", c."organizationId"
       FROM "notes" n JOIN "contacts" c ON c."id" = n."contactId"
      ${contactId === undefined ? "" : `WHERE n."contactId" = ?`} ORDER BY n."id"`,
    contactId === undefined ? [] : [contactId],
  );
  return rows.map((row) => ({
    kind: "note",
    id: String(row.id),
    attr: {
      authorId: String(row.authorId),
      contactId: int(row.contactId),
      contactOwnerId: String(row.ownerId),
      organizationId: int(row.organizationId),
      visibility: String(row.visibility),
    },
  }));
}
