import type { Resource } from "@cerbos/core";
import { type AuthzContext, check, flagsOf, loadKind } from "../authz/guard.ts";
import { isAdmin, requireMembership } from "../authz/membership.ts";
import { decidedWrite } from "../authz/write.ts";
import type { Models } from "../db/models/index.ts";
import { changedMeanwhile, forbidden, notAllowed } from "../errors.ts";
import { organizationKind } from "../organizations/kind.ts";
import type { ContactCreateInput, ContactUpdateInput } from "../schemas.ts";
import { buildContactDraft } from "./draft.ts";
import { contactKind } from "./kind.ts";
import { loadContact } from "./load.ts";
import {
  ownerLookupNeeded,
  requireCompanyInOrganization,
  requireOrganization,
  requireOwnerInOrganization,
  resolveTags,
} from "./references.ts";
import { type ContactDto, serializeContact } from "./serialize.ts";

// Every contact write: authorized first (the contact as it is and as it will be, in one
// CheckResources call), its references validated after, in the write's transaction, and the
// caller's own state re-checked there (decidedWrite).

/** What the user may do with the contact afterwards, from the decision of the write's own check. */
const allowedAfter = (decision: Record<string, boolean>) => ({
  read: decision.read === true,
  ...flagsOf(contactKind.flags, decision),
});

/** Naming the owner reveals whether that user is a member: it needs `listMembers` on the organization. */
const listMembersOf = (models: Models, organizationId: number): { resource: Resource; actions: string[] } => ({
  resource: organizationKind.resource(models.Organization.build({ id: organizationId, name: "", billingAddress: "" })),
  actions: ["listMembers"],
});

export function createContact(ctx: AuthzContext, input: ContactCreateInput): Promise<ContactDto> {
  return decidedWrite(ctx, async (ctx) => {
    const { models } = ctx.db;
    const { organizationId } = input;
    requireMembership(ctx.session, organizationId, "Organization");
    const ownerId = input.ownerId ?? ctx.session.user.id;
    if (ownerId !== ctx.session.user.id && !isAdmin(ctx.session)) {
      throw notAllowed("Only admins may create a contact for another owner.");
    }
    const values = {
      firstName: input.firstName,
      lastName: input.lastName,
      ownerId,
      organizationId,
      companyId: input.companyId,
      isActive: input.isActive,
      marketingOptIn: input.marketingOptIn,
    };
    const lookUpOwner = ownerLookupNeeded(ctx.session, ownerId);
    // One check on the draft: may create it, and what may be done with it afterwards.
    const draft = contactKind.resource(buildContactDraft(models, values, input.tags), "new");
    const checked = await check(ctx, [
      { resource: draft, actions: ["create", "read", ...contactKind.flags] },
      ...(lookUpOwner ? [listMembersOf(models, organizationId)] : []),
    ]);
    const [decision = {}, onOrganization] = checked.results;
    if (decision.create !== true || (lookUpOwner && onOrganization?.listMembers !== true)) {
      throw forbidden(checked.cerbosCallId);
    }
    return {
      write: async (transaction) => {
        await requireOrganization(models, organizationId, transaction);
        if (lookUpOwner) await requireOwnerInOrganization(models, ownerId, organizationId, transaction);
        await requireCompanyInOrganization(models, input.companyId, organizationId, transaction);
        const tags = await resolveTags(models, input.tags, transaction);
        const contact = await models.Contact.create(values, { transaction });
        await models.ContactTag.bulkCreate(
          tags.map((tag) => ({ contactId: contact.id, tagId: tag.id })),
          { transaction },
        );
        return serializeContact(await loadKind(ctx, contactKind, contact.id, transaction), allowedAfter(decision));
      },
    };
  });
}

/**
 * Allowed only if the user may update the contact as it is AND as it will be (one check, two
 * resources): nobody moves a contact out of their own reach or into another organization.
 */
export function updateContact(ctx: AuthzContext, input: ContactUpdateInput): Promise<ContactDto> {
  return decidedWrite(ctx, async (ctx) => {
    const { models } = ctx.db;
    const contact = await loadContact(ctx, input.id);
    const organizationId = input.organizationId ?? contact.organizationId;
    if (organizationId !== contact.organizationId) requireMembership(ctx.session, organizationId, "Organization");
    const ownerId = input.ownerId ?? contact.ownerId;
    const ownerNamed = ownerId !== contact.ownerId || organizationId !== contact.organizationId;
    const lookUpOwner = ownerNamed && ownerLookupNeeded(ctx.session, ownerId);
    const companyId = input.companyId === undefined ? contact.companyId : input.companyId;
    const tagNames = input.tags ?? (contact.tags ?? []).map((tag) => tag.name);
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
        resource: contactKind.resource(buildContactDraft(models, changes, tagNames, contact.id)),
        actions: ["update", "read", ...contactKind.flags],
      },
      ...(lookUpOwner ? [listMembersOf(models, organizationId)] : []),
    ]);
    const [asItIs, asItWillBe = {}, onOrganization] = checked.results;
    if (
      asItIs?.update !== true ||
      asItWillBe.update !== true ||
      (lookUpOwner && onOrganization?.listMembers !== true)
    ) {
      throw forbidden(checked.cerbosCallId);
    }
    return {
      write: async (transaction) => {
        if (organizationId !== contact.organizationId) await requireOrganization(models, organizationId, transaction);
        if (lookUpOwner) await requireOwnerInOrganization(models, ownerId, organizationId, transaction);
        await requireCompanyInOrganization(models, companyId, organizationId, transaction);
        const tags = input.tags === undefined ? undefined : await resolveTags(models, input.tags, transaction);
        // Only the row that was checked: if it changed since it was read, the decision is stale.
        const [updated] = await models.Contact.update(changes, {
          where: { id: contact.id, updatedAt: contact.updatedAt },
          transaction,
        });
        if (updated === 0) throw changedMeanwhile("contact");
        if (tags !== undefined) {
          await models.ContactTag.destroy({ where: { contactId: contact.id }, transaction });
          await models.ContactTag.bulkCreate(
            tags.map((tag) => ({ contactId: contact.id, tagId: tag.id })),
            { transaction },
          );
        }
        return serializeContact(await loadKind(ctx, contactKind, contact.id, transaction), allowedAfter(asItWillBe));
      },
    };
  });
}

export function deleteContact(ctx: AuthzContext, id: number): Promise<{ id: number }> {
  return decidedWrite(ctx, async (ctx) => {
    const { models } = ctx.db;
    const contact = await loadContact(ctx, id);
    const checked = await check(ctx, [{ resource: contactKind.resource(contact), actions: ["delete"] }]);
    if (checked.results[0]?.delete !== true) throw forbidden(checked.cerbosCallId);
    return {
      write: async (transaction) => {
        await models.ContactTag.destroy({ where: { contactId: id }, transaction });
        const deleted = await models.Contact.destroy({ where: { id, updatedAt: contact.updatedAt }, transaction });
        if (deleted === 0) throw changedMeanwhile("contact");
        return { id };
      },
    };
  });
}
