/**
 * The input schemas the forms validate with.
 *
 * PHASE 1 STAND-IN: these mirror the API's zod schemas (apps/api/src/contacts/input.ts and
 * auth.login) until they move into an entry of packages/client (`@repo/client/schemas`). Then
 * this file becomes re-exports, e.g.
 *   export const contactFormSchema = contactCreateInput.omit({ organizationId: true, ownerId: true });
 * and nothing else in the web app changes: the forms take any zod schema (lib/form/use-form.ts).
 */
import { z } from "zod";

const loneSurrogate = /\p{Surrogate}/u;

function text(options: { min: number; max: number; trim?: boolean }) {
  const base = options.trim ? z.string().trim() : z.string();
  return base
    .min(options.min)
    .max(options.max)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
    .refine((value) => !loneSurrogate.test(value), "must be well-formed Unicode (no lone surrogates)");
}

const rowId = z.number().int().positive().max(2_147_483_647);
const tagName = text({ min: 1, max: 64 });
const name = text({ min: 1, max: 255, trim: true });

/** contacts.create / contacts.update without the organization and owner (the page supplies those). */
export const contactFormSchema = z.object({
  firstName: name,
  lastName: name,
  companyId: rowId.nullable(),
  isActive: z.boolean(),
  marketingOptIn: z.boolean(),
  tags: z.array(tagName).max(20),
});

export const signInSchema = z.object({
  username: text({ min: 1, max: 64, trim: true }),
  password: text({ min: 1, max: 200 }),
});

/** organizations.addMember without the organization. */
export const addMemberSchema = z.object({
  userId: text({ min: 1, max: 64 }),
  role: z.enum(["member", "billing", "owner"]),
});

/** A string schema's maximum length, for the input's maxLength (so the limit is stated once). */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  return schema instanceof z.ZodString ? (schema.maxLength ?? undefined) : undefined;
}
