import type { TRPCRouterRecord } from "@trpc/server";
import { listContacts } from "../contacts/list.ts";
import { contactPermissions, getContact } from "../contacts/read.ts";
import { createContact, deleteContact, updateContact } from "../contacts/write.ts";
import {
  contactCreateInput,
  contactIdInput,
  contactListInput,
  contactPermissionsInput,
  contactUpdateInput,
} from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";

export const contactsRouter = {
  list: protectedProcedure.input(contactListInput).query(({ ctx, input }) => listContacts(ctx, input)),
  get: protectedProcedure.input(contactIdInput).query(({ ctx, input }) => getContact(ctx, input.id)),
  create: protectedProcedure.input(contactCreateInput).mutation(({ ctx, input }) => createContact(ctx, input)),
  update: protectedProcedure.input(contactUpdateInput).mutation(({ ctx, input }) => updateContact(ctx, input)),
  delete: protectedProcedure.input(contactIdInput).mutation(({ ctx, input }) => deleteContact(ctx, input.id)),
  permissions: protectedProcedure
    .input(contactPermissionsInput)
    .query(({ ctx, input }) => contactPermissions(ctx, input.organizationId)),
} satisfies TRPCRouterRecord;
