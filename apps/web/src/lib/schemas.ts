/**
 * The schemas the forms validate with: the API's own input schemas (`@repo/client/schemas`,
 * defined in apps/api/src/schemas.ts), less the fields the page supplies rather than the person
 * typing. A form and the API therefore cannot disagree about what is valid.
 */
import {
  contactCreateInput,
  decisionLookupInput,
  loginInput,
  memberRoleInput,
  noteCreateInput,
} from "@repo/client/schemas";
import { z } from "zod";

/** contacts.create / contacts.update without the organization and owner (the page supplies those). */
export const contactFormSchema = contactCreateInput.omit({ organizationId: true, ownerId: true });

export const signInSchema = loginInput;

/** organizations.addMember without the organization. */
export const addMemberSchema = memberRoleInput.omit({ organizationId: true });

/** notes.create without the contact; an edit validates the same two fields. */
export const noteFormSchema = noteCreateInput.omit({ contactId: true });

/** decisions.lookup: a Cerbos call id. */
export const decisionLookupSchema = decisionLookupInput;

/** A string schema's maximum length, for the input's maxLength (so the limit is stated once). */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  return schema instanceof z.ZodString ? (schema.maxLength ?? undefined) : undefined;
}
