import { type AuthzContext, check, flagsOf } from "../authz/guard.ts";
import { isAdmin, requireMembership } from "../authz/membership.ts";
import { changedMeanwhile, forbidden, notAllowed, notFound } from "../errors.ts";
import type { ContactCreateInput, ContactUpdateInput } from "../schemas.ts";
import { buildContactDraft } from "./draft.ts";
import { contactKind } from "./kind.ts";
import { loadContact } from "./load.ts";
import { requireCompanyInOrganization, requireOwnerInOrganization, resolveTags } from "./references.ts";
import { type ContactDto, serializeContact } from "./serialize.ts";

/** What the user may do with the contact afterwards, from the decision of the write's own check. */
const allowedAfter = (decision: Record<string, boolean>) => ({
  read: decision.read === true,
  ...flagsOf(contactKind.flags, decision),
});

export async function createContact(ctx: AuthzContext, input: ContactCreateInput): Promise<ContactDto> {
  const { models } = ctx.db;
  requireMembership(ctx.session, input.organizationId, "Organization");
  if (!(await models.Organization.findByPk(input.organizationId, { attributes: ["id"] })))
    throw notFound("Organization");
  const ownerId = input.ownerId ?? ctx.session.user.id;
  if (ownerId !== ctx.session.user.id && !isAdmin(ctx.session)) {
    throw notAllowed("Only admins may create a contact for another owner.");
  }
  if (ownerId !== ctx.session.user.id) await requireOwnerInOrganization(models, ownerId, input.organizationId);
  await requireCompanyInOrganization(models, input.companyId, input.organizationId);
  const tags = await resolveTags(models, input.tags);
  const values = {
    firstName: input.firstName,
    lastName: input.lastName,
    ownerId,
    organizationId: input.organizationId,
    companyId: input.companyId,
    isActive: input.isActive,
    marketingOptIn: input.marketingOptIn,
  };

  // One check on the draft: may create it, and what may be done with it afterwards.
  const draft = contactKind.resource(buildContactDraft(models, values, tags), "new");
  const checked = await check(ctx, [{ resource: draft, actions: ["create", "read", ...contactKind.flags] }]);
  const decision = checked.results[0] ?? {};
  if (decision.create !== true) throw forbidden(checked.cerbosCallId);

  const id = await ctx.db.transaction(async (transaction) => {
    const contact = await models.Contact.create(values, { transaction });
    await models.ContactTag.bulkCreate(
      tags.map((tag) => ({ contactId: contact.id, tagId: tag.id })),
      { transaction },
    );
    return contact.id;
  });
  return serializeContact(await loadContact(ctx, id), allowedAfter(decision));
}

/**
 * Allowed only if the user may update the contact as it is AND as it will be (one check, two
 * resources): nobody moves a contact out of their own reach or into another organization.
 */
export async function updateContact(ctx: AuthzContext, input: ContactUpdateInput): Promise<ContactDto> {
  const { models } = ctx.db;
  const contact = await loadContact(ctx, input.id);
  const organizationId = input.organizationId ?? contact.organizationId;
  if (organizationId !== contact.organizationId) requireMembership(ctx.session, organizationId, "Organization");
  const ownerId = input.ownerId ?? contact.ownerId;
  if (ownerId !== contact.ownerId || organizationId !== contact.organizationId) {
    await requireOwnerInOrganization(models, ownerId, organizationId);
  }
  const companyId = input.companyId === undefined ? contact.companyId : input.companyId;
  await requireCompanyInOrganization(models, companyId, organizationId);
  const tags = input.tags === undefined ? (contact.tags ?? []) : await resolveTags(models, input.tags);
  const changes = {
    firstName: input.firstName ?? contact.firstName,
    lastName: input.lastName ?? contact.lastName,
    ownerId,
    organizationId,
    companyId,
    isActive: input.isActive ?? contact.isActive,
    marketingOptIn: input.marketingOptIn ?? contact.marketingOptIn,
  };

  const checked = await check(ctx, [
    { resource: contactKind.resource(contact), actions: ["update"] },
    {
      resource: contactKind.resource(buildContactDraft(models, changes, tags, contact.id)),
      actions: ["update", "read", ...contactKind.flags],
    },
  ]);
  if (!checked.results.every((decision) => decision.update === true)) throw forbidden(checked.cerbosCallId);

  await ctx.db.transaction(async (transaction) => {
    // Only the row that was checked: if it changed since it was read, the decision is stale.
    const [updated] = await models.Contact.update(changes, {
      where: { id: contact.id, updatedAt: contact.updatedAt },
      transaction,
    });
    if (updated === 0) throw changedMeanwhile("contact");
    if (input.tags !== undefined) {
      await models.ContactTag.destroy({ where: { contactId: contact.id }, transaction });
      await models.ContactTag.bulkCreate(
        tags.map((tag) => ({ contactId: contact.id, tagId: tag.id })),
        { transaction },
      );
    }
  });
  return serializeContact(await loadContact(ctx, contact.id), allowedAfter(checked.results[1] ?? {}));
}

export async function deleteContact(ctx: AuthzContext, id: number): Promise<{ id: number }> {
  const { models } = ctx.db;
  const contact = await loadContact(ctx, id);
  const checked = await check(ctx, [{ resource: contactKind.resource(contact), actions: ["delete"] }]);
  if (checked.results[0]?.delete !== true) throw forbidden(checked.cerbosCallId);
  await ctx.db.transaction(async (transaction) => {
    await models.ContactTag.destroy({ where: { contactId: id }, transaction });
    const deleted = await models.Contact.destroy({ where: { id, updatedAt: contact.updatedAt }, transaction });
    if (deleted === 0) throw changedMeanwhile("contact");
  });
  return { id };
}
