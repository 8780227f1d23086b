import type { Models, TagModel } from "../db/models/index.ts";
import { badRequest } from "../errors.ts";

/** A contact's company must belong to the contact's organization. */
export async function requireCompanyInOrganization(
  models: Models,
  companyId: number | null,
  organizationId: number,
): Promise<void> {
  if (companyId === null) return;
  const company = await models.Company.findByPk(companyId, { attributes: ["id", "organizationId"] });
  if (!company || company.organizationId !== organizationId) {
    throw badRequest(`Company ${companyId} is not in organization ${organizationId}.`);
  }
}

/** A contact's owner must be a user of the contact's organization. */
export async function requireOwnerInOrganization(
  models: Models,
  ownerId: string,
  organizationId: number,
): Promise<void> {
  const membership = await models.Membership.findOne({ where: { userId: ownerId, organizationId } });
  if (!membership) throw badRequest(`User ${ownerId} is not a member of organization ${organizationId}.`);
}

/** Tag rows for the given names; an unknown name is a client error. */
export async function resolveTags(models: Models, names: string[]): Promise<TagModel[]> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return [];
  const tags = await models.Tag.findAll({ where: { name: unique } });
  const missing = unique.filter((tagName) => !tags.some((tag) => tag.name === tagName));
  if (missing.length > 0) throw badRequest(`Unknown tag(s): ${missing.join(", ")}.`);
  return tags;
}
