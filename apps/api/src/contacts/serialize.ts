import type { ContactModel } from "../db/models/index.ts";

export interface AllowedActions {
  read: boolean;
  update: boolean;
  delete: boolean;
}

export const contactActions = ["read", "update", "delete"] as const;

/** The wire shape of a contact (dates as ISO strings: the API uses no transformer). */
export function serializeContact(contact: ContactModel, allowedActions: AllowedActions) {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    company:
      contact.companyId !== null && typeof contact.companyName === "string"
        ? { id: contact.companyId, name: contact.companyName }
        : null,
    organizationId: contact.organizationId,
    ownerId: contact.ownerId,
    owner: { id: contact.ownerId, name: contact.ownerName ?? contact.ownerId },
    isActive: contact.isActive,
    marketingOptIn: contact.marketingOptIn,
    tags: (contact.tags ?? []).map((tag) => tag.name).sort(),
    createdAt: contact.createdAt.toISOString(),
    updatedAt: contact.updatedAt.toISOString(),
    allowedActions,
  };
}

export type ContactDto = ReturnType<typeof serializeContact>;
