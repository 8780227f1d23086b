import { z } from "zod";
import { rowId, tagName, text, userId } from "../validation.ts";

const name = text({ min: 1, max: 255, trim: true });
const id = rowId;

export const contactIdInput = z.object({ id });

export const contactCreateInput = z.object({
  organizationId: id,
  firstName: name,
  lastName: name,
  companyId: id.nullable().default(null),
  isActive: z.boolean().default(true),
  marketingOptIn: z.boolean().default(false),
  tags: z.array(tagName).max(20).default([]),
  /** Only admins may name another owner; everyone else owns what they create. */
  ownerId: userId.optional(),
});

export const contactUpdateInput = z.object({
  id,
  organizationId: id.optional(),
  firstName: name.optional(),
  lastName: name.optional(),
  companyId: id.nullable().optional(),
  isActive: z.boolean().optional(),
  marketingOptIn: z.boolean().optional(),
  tags: z.array(tagName).max(20).optional(),
  ownerId: userId.optional(),
});

export const contactPermissionsInput = z.object({ organizationId: id });

export type ContactCreateInput = z.infer<typeof contactCreateInput>;
export type ContactUpdateInput = z.infer<typeof contactUpdateInput>;
