import type { Mapper } from "./adapter.ts";

/**
 * What each Cerbos attribute means in the database. ONE mapper per resource kind, used both to
 * filter lists (query plan → WHERE) and to build the resource of a single check, so the two
 * cannot disagree.
 */
export const contactMapper = {
  "request.resource.id": { column: "id" },
  "request.resource.attr.ownerId": { column: "ownerId" },
  "request.resource.attr.organizationId": { column: "organizationId" },
  "request.resource.attr.companyId": { column: "companyId" },
  "request.resource.attr.isActive": { column: "isActive" },
  "request.resource.attr.marketingOptIn": { column: "marketingOptIn" },
  "request.resource.attr.tags": { association: "tags", column: "name" },
} satisfies Mapper;

export const companyMapper = {
  "request.resource.id": { column: "id" },
  "request.resource.attr.organizationId": { column: "organizationId" },
} satisfies Mapper;

/** An organization's `organizationId` attribute is its own id (the derived roles expect it). */
export const organizationMapper = {
  "request.resource.id": { column: "id" },
  "request.resource.attr.organizationId": { column: "id" },
} satisfies Mapper;

export const userMapper = {
  "request.resource.id": { column: "id" },
  "request.resource.attr.role": { column: "role" },
  "request.resource.attr.isBanned": { column: "isBanned" },
} satisfies Mapper;

export const resourceKinds = {
  contact: "contact",
  company: "company",
  organization: "organization",
  user: "user",
} as const;
