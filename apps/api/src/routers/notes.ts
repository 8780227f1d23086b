import type { TRPCRouterRecord } from "@trpc/server";
import { listNotes } from "../notes/list.ts";
import { createNote, deleteNote, getNote, updateNote } from "../notes/service.ts";
import { noteCreateInput, noteIdInput, noteListInput, noteUpdateInput } from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";

export const notesRouter = {
  list: protectedProcedure.input(noteListInput).query(({ ctx, input }) => listNotes(ctx, input)),
  get: protectedProcedure.input(noteIdInput).query(({ ctx, input }) => getNote(ctx, input.id)),
  create: protectedProcedure.input(noteCreateInput).mutation(({ ctx, input }) => createNote(ctx, input)),
  update: protectedProcedure.input(noteUpdateInput).mutation(({ ctx, input }) => updateNote(ctx, input)),
  delete: protectedProcedure.input(noteIdInput).mutation(({ ctx, input }) => deleteNote(ctx, input.id)),
} satisfies TRPCRouterRecord;
