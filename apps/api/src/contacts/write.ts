import { TRPCError } from "@trpc/server";
import { type AuthzContext, checkResources } from "../authz/check.ts";
import { isAdmin, requireMembership } from "../authz/membership.ts";
import { contactResource } from "../authz/resources.ts";
import type { Context } from "../context.ts";
import { forbidden, notFound } from "../errors.ts";
import { buildContactDraft } from "./draft.ts";
import type { ContactCreateInput, ContactUpdateInput } from "./input.ts";
import { loadContact } from "./load.ts";
import { requireCompanyInOrganization, requireOwnerInOrganization, resolveTags } from "./references.ts";
import { type ContactDto, serializeContact } from "./serialize.ts";

type Ctx = Context & AuthzContext;

function changedMeanwhile(): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: "The contact changed since it was read: reload it and try again.",
  });
}

function allowedOrThrow(response: Awaited<ReturnType<typeof checkResources>>, action: string): void {
  if (!response.results.every((result) => result.isAllowed(action) === true)) throw forbidden(response.cerbosCallId);
}

export async function createContact(ctx: Ctx, input: ContactCreateInput): Promise<ContactDto> {
  const { models } = ctx.db;
  requireMembership(ctx.session, input.organizationId, "Organization");
  if (!(await models.Organization.findByPk(input.organizationId, { attributes: ["id"] })))
    throw notFound("Organization");
  const ownerId = input.ownerId ?? ctx.session.user.id;
  if (ownerId !== ctx.session.user.id && !isAdmin(ctx.session)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only admins may create a contact for another owner." });
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
  const draft = { ...contactResource(buildContactDraft(models, values, tags)), id: "new" };
  const response = await checkResources(ctx, [{ resource: draft, actions: ["create", "read", "update", "delete"] }]);
  allowedOrThrow(response, "create");
  const decision = response.results[0]!;

  const id = await ctx.db.transaction(async (transaction) => {
    const contact = await models.Contact.create(values, { transaction });
    await models.ContactTag.bulkCreate(
      tags.map((tag) => ({ contactId: contact.id, tagId: tag.id })),
      { transaction },
    );
    return contact.id;
  });
  const created = await loadContact(ctx.db, ctx.session, id);
  return serializeContact(created, {
    read: decision.isAllowed("read") === true,
    update: decision.isAllowed("update") === true,
    delete: decision.isAllowed("delete") === true,
  });
}

/**
 * Allowed only if the user may update the contact as it is AND as it will be (one check, two
 * resources): nobody moves a contact out of their own reach or into another organization.
 */
export async function updateContact(ctx: Ctx, input: ContactUpdateInput): Promise<ContactDto> {
  const { models } = ctx.db;
  const contact = await loadContact(ctx.db, ctx.session, input.id);
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

  const before = contactResource(contact);
  const after = contactResource(buildContactDraft(models, changes, tags, contact.id));
  const response = await checkResources(ctx, [
    { resource: before, actions: ["update"] },
    { resource: after, actions: ["update", "read", "delete"] },
  ]);
  allowedOrThrow(response, "update");
  const decision = response.results[1]!;

  await ctx.db.transaction(async (transaction) => {
    // Only the row that was checked: if it changed since it was read, the decision is stale.
    const [updated] = await models.Contact.update(changes, {
      where: { id: contact.id, updatedAt: contact.updatedAt },
      transaction,
    });
    if (updated === 0) throw changedMeanwhile();
    if (input.tags !== undefined) {
      await models.ContactTag.destroy({ where: { contactId: contact.id }, transaction });
      await models.ContactTag.bulkCreate(
        tags.map((tag) => ({ contactId: contact.id, tagId: tag.id })),
        { transaction },
      );
    }
  });
  const reloaded = await loadContact(ctx.db, ctx.session, contact.id);
  return serializeContact(reloaded, {
    read: decision.isAllowed("read") === true,
    update: decision.isAllowed("update") === true,
    delete: decision.isAllowed("delete") === true,
  });
}

export async function deleteContact(ctx: Ctx, id: number): Promise<{ id: number }> {
  const { models } = ctx.db;
  const contact = await loadContact(ctx.db, ctx.session, id);
  const response = await checkResources(ctx, [{ resource: contactResource(contact), actions: ["delete"] }]);
  allowedOrThrow(response, "delete");
  await ctx.db.transaction(async (transaction) => {
    await models.ContactTag.destroy({ where: { contactId: id }, transaction });
    const deleted = await models.Contact.destroy({ where: { id, updatedAt: contact.updatedAt }, transaction });
    if (deleted === 0) throw changedMeanwhile();
  });
  return { id };
}
