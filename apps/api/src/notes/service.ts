import { type AuthzContext, check, flagsOf, loadKind, readKind } from "../authz/guard.ts";
import { decidedWrite } from "../authz/write.ts";
import type { ContactModel } from "../contacts/kind.ts";
import { contactKind } from "../contacts/kind.ts";
import { loadContact } from "../contacts/load.ts";
import { changedMeanwhile, forbidden } from "../errors.ts";
import type { NoteCreateInput, NoteUpdateInput, NoteVisibility } from "../schemas.ts";
import { type NoteModel, noteKind } from "./kind.ts";

type Allowed = { read: boolean } & Record<(typeof noteKind.flags)[number], boolean>;

/** The wire shape of a note (dates as ISO strings). */
export function noteView(note: NoteModel, allowedActions: Allowed) {
  return {
    id: note.id,
    contactId: note.contactId,
    author: { id: note.authorId, name: note.author?.name ?? note.authorId },
    body: note.body,
    visibility: note.visibility,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    allowedActions,
  };
}

export type NoteDto = ReturnType<typeof noteView>;

const allowedFrom = (decision: Record<string, boolean> = {}): Allowed => ({
  read: decision.read === true,
  ...flagsOf(noteKind.flags, decision),
});

interface NoteValues {
  authorId: string;
  body: string;
  visibility: NoteVisibility;
}

/** An unsaved note on a loaded contact, shaped like a loaded one (its resource goes through the mapper). */
function draftNote(ctx: AuthzContext, contact: ContactModel, values: NoteValues, id = 0): NoteModel {
  const draft = ctx.db.models.Note.build({ id, contactId: contact.id, ...values });
  Object.assign(draft.dataValues, { contact });
  return draft;
}

export async function getNote(ctx: AuthzContext, id: number): Promise<NoteDto> {
  const { row, can } = await readKind(ctx, noteKind, id);
  return noteView(row, { read: true, ...can });
}

/** Anyone who may read the contact writes a note on it, in their own name: both decided in ONE check. */
export function createNote(ctx: AuthzContext, input: NoteCreateInput): Promise<NoteDto> {
  return decidedWrite(ctx, async (ctx) => {
    const contact = await loadContact(ctx, input.contactId);
    const author = ctx.session.user.id;
    const draft = draftNote(ctx, contact, { authorId: author, body: input.body, visibility: input.visibility });
    const checked = await check(ctx, [
      { resource: contactKind.resource(contact), actions: ["read"] },
      { resource: noteKind.resource(draft, "new"), actions: ["create", "read", ...noteKind.flags] },
    ]);
    const [onContact, onNote] = checked.results;
    if (onContact?.read !== true || onNote?.create !== true) throw forbidden(checked.cerbosCallId);
    return {
      write: async (transaction) => {
        const created = await ctx.db.models.Note.create({ ...input, authorId: author }, { transaction });
        return noteView(await loadKind(ctx, noteKind, created.id, transaction), allowedFrom(onNote));
      },
    };
  });
}

/** The author (or an admin) edits the body or the visibility; written only if unchanged since the check. */
export function updateNote(ctx: AuthzContext, input: NoteUpdateInput): Promise<NoteDto> {
  return decidedWrite(ctx, async (ctx) => {
    const note = await loadKind(ctx, noteKind, input.id);
    const changes = { body: input.body ?? note.body, visibility: input.visibility ?? note.visibility };
    const after = draftNote(ctx, note.contact!, { authorId: note.authorId, ...changes }, note.id);
    // As it is and as it will be, in one call (the "as it will be" decision gives the flags).
    const checked = await check(ctx, [
      { resource: noteKind.resource(note), actions: ["update"] },
      { resource: noteKind.resource(after), actions: ["update", "read", ...noteKind.flags] },
    ]);
    if (!checked.results.every((decision) => decision.update === true)) throw forbidden(checked.cerbosCallId);
    return {
      write: async (transaction) => {
        const where = { id: note.id, updatedAt: note.updatedAt };
        const [updated] = await ctx.db.models.Note.update(changes, { where, transaction });
        if (updated === 0) throw changedMeanwhile("note");
        return noteView(await loadKind(ctx, noteKind, note.id, transaction), allowedFrom(checked.results[1]));
      },
    };
  });
}

export function deleteNote(ctx: AuthzContext, id: number): Promise<{ id: number }> {
  return decidedWrite(ctx, async (ctx) => {
    const note = await loadKind(ctx, noteKind, id);
    const checked = await check(ctx, [{ resource: noteKind.resource(note), actions: ["delete"] }]);
    if (checked.results[0]?.delete !== true) throw forbidden(checked.cerbosCallId);
    return {
      write: async (transaction) => {
        const deleted = await ctx.db.models.Note.destroy({ where: { id, updatedAt: note.updatedAt }, transaction });
        if (deleted === 0) throw changedMeanwhile("note");
        return { id };
      },
    };
  });
}
