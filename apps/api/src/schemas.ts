import { z } from "zod";
import { rowId as id, tagName, text, userId } from "./validation.ts";

// Every procedure's input, in one file the browser can import (`@repo/client/schemas` re-exports
// it): it imports nothing but zod and ./validation.ts, so no server code reaches a bundle
// (schemas.test.ts checks the imports). The API validates with exactly these.

export const membershipRoles = ["owner", "member", "billing"] as const;
export type MembershipRole = (typeof membershipRoles)[number];
export const userRoles = ["admin", "user"] as const;
export type UserRole = (typeof userRoles)[number];
export const noteVisibilities = ["private", "team", "organization"] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

// --- lists
/** The largest page any list serves (flags come from SQL: the page is not bound to the PDP's maxResourcesPerRequest). */
export const maxListLimit = 100;
const listLimit = (byDefault: number) => z.number().int().min(1).max(maxListLimit).default(byDefault);
/** An opaque keyset cursor: a previous page's `nextCursor`. */
const listCursor = z.string().min(1).max(1000).optional();
const listOffset = z.number().int().min(0).max(1_000_000).optional();
const cursorOrOffset = {
  check: (input: { cursor?: string | undefined; offset?: number | undefined }) =>
    input.cursor === undefined || input.offset === undefined,
  params: { message: "Give a cursor or an offset, not both.", path: ["cursor"] },
};

// --- auth
export const loginInput = z.object({
  username: text({ min: 1, max: 64, trim: true }),
  password: text({ min: 1, max: 200 }),
});

// --- contacts
export const contactSortFields = ["firstName", "lastName", "createdAt", "updatedAt", "company"] as const;
const personName = text({ min: 1, max: 255, trim: true });

export const contactIdInput = z.object({ id });
export const contactPermissionsInput = z.object({ organizationId: id });

export const contactListInput = z
  .object({
    organizationId: id.optional(),
    search: text({ max: 100, trim: true }).optional(),
    companyId: id.optional(),
    isActive: z.boolean().optional(),
    tag: tagName.optional(),
    sortBy: z.enum(contactSortFields).default("lastName"),
    sortDir: z.enum(["asc", "desc"]).default("asc"),
    limit: listLimit(20),
    cursor: listCursor,
    offset: listOffset,
    /**
     * `false`: no count query, `total: null` (an infinite-scroll client knows the total from its
     * first page and needs none on the next ones). Default `true`: the exact total.
     */
    withTotal: z.boolean().default(true),
  })
  .refine(cursorOrOffset.check, cursorOrOffset.params)
  .prefault({});

export const contactCreateInput = z.object({
  organizationId: id,
  firstName: personName,
  lastName: personName,
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
  firstName: personName.optional(),
  lastName: personName.optional(),
  companyId: id.nullable().optional(),
  isActive: z.boolean().optional(),
  marketingOptIn: z.boolean().optional(),
  tags: z.array(tagName).max(20).optional(),
  ownerId: userId.optional(),
});

export type ContactListInput = z.infer<typeof contactListInput>;
export type ContactCreateInput = z.infer<typeof contactCreateInput>;
export type ContactUpdateInput = z.infer<typeof contactUpdateInput>;

// --- companies
const companyName = text({ min: 1, max: 255, trim: true });
const website = z
  .url({ protocol: /^https?$/ })
  .max(255)
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
  .nullable();

export const companyIdInput = z.object({ id });
export const companyListInput = z
  .object({
    organizationId: id.optional(),
    limit: listLimit(50),
    cursor: listCursor,
    offset: listOffset,
  })
  .refine(cursorOrOffset.check, cursorOrOffset.params)
  .prefault({});
export const companyCreateInput = z.object({ organizationId: id, name: companyName, website: website.default(null) });
export const companyUpdateInput = z.object({ id, name: companyName.optional(), website: website.optional() });

export type CompanyListInput = z.infer<typeof companyListInput>;
export type CompanyCreateInput = z.infer<typeof companyCreateInput>;
export type CompanyUpdateInput = z.infer<typeof companyUpdateInput>;

// --- organizations
export const organizationIdInput = z.object({ id });
export const organizationListInput = z.object({ limit: listLimit(50), cursor: listCursor }).prefault({});
export const organizationInput = z.object({ organizationId: id });
export const memberInput = z.object({ organizationId: id, userId });
export const memberRoleInput = memberInput.extend({ role: z.enum(membershipRoles) });

export type OrganizationListInput = z.infer<typeof organizationListInput>;

// --- users
export const userIdInput = z.object({ userId });
/** Users were listed whole before they were paged: the default page is the largest. */
export const userListInput = z.object({ limit: listLimit(maxListLimit), cursor: listCursor }).prefault({});
export type UserListInput = z.infer<typeof userListInput>;

// --- notes
const noteBody = text({ min: 1, max: 5000, trim: true });

export const noteIdInput = z.object({ id });
export const noteListInput = z
  .object({ contactId: id, limit: listLimit(20), cursor: listCursor, offset: listOffset })
  .refine(cursorOrOffset.check, cursorOrOffset.params);
export const noteCreateInput = z.object({
  contactId: id,
  body: noteBody,
  visibility: z.enum(noteVisibilities).default("private"),
});
export const noteUpdateInput = z.object({
  id,
  body: noteBody.optional(),
  visibility: z.enum(noteVisibilities).optional(),
});

export type NoteListInput = z.infer<typeof noteListInput>;
export type NoteCreateInput = z.infer<typeof noteCreateInput>;
export type NoteUpdateInput = z.infer<typeof noteUpdateInput>;

// --- decisions (apps/api/src/decisions/)
/** The kinds whose rows "why can't I?" explains (rows of an organization: existence is not leaked). */
export const explainableKinds = ["contact", "company", "organization", "note"] as const;
/** A Cerbos call id: a ULID (26 characters of Crockford's base 32). */
const cerbosCallId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "A call id has 26 letters and digits, e.g. 01M8SW7HJ2QZPX6ZBSXYZZ8ZX6.");

export const explainInput = z.object({
  kind: z.enum(explainableKinds),
  id,
  action: z.string().regex(/^[A-Za-z]{1,40}$/, "An action is a word, e.g. update."),
});
export const decisionLookupInput = z.object({ callId: cerbosCallId });

export type ExplainInput = z.infer<typeof explainInput>;
