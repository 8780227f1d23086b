import type { Transaction } from "sequelize";
import type { Session } from "../context.ts";
import type { Models, TagModel } from "../db/models/index.ts";
import { badRequest, notFound } from "../errors.ts";

// A contact's references (company, owner, tags), validated only AFTER the write was authorized,
// inside the write's transaction, and with messages that say nothing the caller may not read:
// a company of another organization reads exactly like a missing one; whether a user belongs to
// an organization is looked up only for those allowed `listMembers` on it (see `ownerLookupNeeded`).

/**
 * The organization a contact is written into must exist. A member's own organizations do (the
 * session's memberships are required first), but an admin may name any id: without this the
 * foreign key refuses the write and the caller gets INTERNAL_SERVER_ERROR instead of NOT_FOUND.
 */
export async function requireOrganization(models: Models, organizationId: number, transaction: Transaction) {
  const organization = await models.Organization.findByPk(organizationId, { attributes: ["id"], transaction });
  if (!organization) throw notFound("Organization");
}

/** A contact's company must belong to the contact's organization (missing and elsewhere read alike). */
export async function requireCompanyInOrganization(
  models: Models,
  companyId: number | null,
  organizationId: number,
  transaction: Transaction,
): Promise<void> {
  if (companyId === null) return;
  const company = await models.Company.findByPk(companyId, { attributes: ["id", "organizationId"], transaction });
  if (!company || company.organizationId !== organizationId) {
    throw badRequest(`Company ${companyId} is not in organization ${organizationId}.`);
  }
}

/**
 * Whether naming `ownerId` as the owner in an organization needs a look at its members: not when
 * the owner is the caller (a non-admin caller's own membership is in the session and was
 * required already; an admin may own contacts in any organization, as before); otherwise yes,
 * and the caller must be allowed `listMembers` there first.
 */
export function ownerLookupNeeded(session: Session, ownerId: string): boolean {
  return ownerId !== session.user.id;
}

/** A contact's owner must be a user of the contact's organization. */
export async function requireOwnerInOrganization(
  models: Models,
  ownerId: string,
  organizationId: number,
  transaction: Transaction,
): Promise<void> {
  const membership = await models.Membership.findOne({ where: { userId: ownerId, organizationId }, transaction });
  if (!membership) throw badRequest(`User ${ownerId} is not a member of organization ${organizationId}.`);
}

/** Tag rows for the given names; an unknown name is a client error (tags are everyone's vocabulary: tags.list). */
export async function resolveTags(models: Models, names: string[], transaction: Transaction): Promise<TagModel[]> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return [];
  const tags = await models.Tag.findAll({ where: { name: unique }, transaction });
  const missing = unique.filter((tagName) => !tags.some((tag) => tag.name === tagName));
  if (missing.length > 0) throw badRequest(`Unknown tag(s): ${missing.join(", ")}.`);
  return tags;
}
