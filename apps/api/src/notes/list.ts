import { type AuthzContext, listKind } from "../authz/guard.ts";
import { loadContact } from "../contacts/load.ts";
import { keyset } from "../paging/keyset.ts";
import type { NoteListInput } from "../schemas.ts";
import { noteKind } from "./kind.ts";
import { noteView } from "./service.ts";

const newestFirst = keyset({
  list: "notes",
  direction: "DESC",
  columns: [
    { attribute: "createdAt", type: "date" },
    { attribute: "id", type: "integer" },
  ],
});

/**
 * The contact's notes the caller may read, newest first, each with its allowed actions (in
 * SQL); the exact total and a keyset cursor (or an offset). NOT_FOUND for a contact outside
 * the caller's organizations.
 */
export async function listNotes(ctx: AuthzContext, input: NoteListInput) {
  await loadContact(ctx, input.contactId);
  const page = await listKind(ctx, noteKind, {
    where: { contactId: input.contactId },
    after: newestFirst.after(input.cursor),
    order: newestFirst.order,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    items: page.rows.map((note, index) => noteView(note, page.can[index]!)),
    total: page.count,
    nextCursor: newestFirst.next(page.rows, page.hasMore),
  };
}
