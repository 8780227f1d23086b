import { type AuthzContext, checkResources, isAllowed } from "../authz/check.ts";
import { requireMembership } from "../authz/membership.ts";
import { contactResource } from "../authz/resources.ts";
import type { Context } from "../context.ts";
import { forbidden } from "../errors.ts";
import { buildContactDraft } from "./draft.ts";
import { loadContact } from "./load.ts";
import { type ContactDto, contactActions, serializeContact } from "./serialize.ts";

type Ctx = Context & AuthzContext;

/** One contact, with what the user may do to it (read, update, delete in ONE check). */
export async function getContact(ctx: Ctx, id: number): Promise<ContactDto> {
  const contact = await loadContact(ctx.db, ctx.session, id);
  const response = await checkResources(ctx, [{ resource: contactResource(contact), actions: [...contactActions] }]);
  const result = response.results[0];
  if (result?.isAllowed("read") !== true) throw forbidden(response.cerbosCallId);
  return serializeContact(contact, {
    read: true,
    update: result.isAllowed("update") === true,
    delete: result.isAllowed("delete") === true,
  });
}

/** Whether the user may create a contact in the organization (the UI shows "New contact"). */
export async function contactPermissions(ctx: Ctx, organizationId: number): Promise<{ canCreate: boolean }> {
  requireMembership(ctx.session, organizationId, "Organization");
  const draft = buildContactDraft(
    ctx.db.models,
    {
      firstName: "",
      lastName: "",
      ownerId: ctx.session.user.id,
      organizationId,
      companyId: null,
      isActive: true,
      marketingOptIn: false,
    },
    [],
  );
  return { canCreate: await isAllowed(ctx, { ...contactResource(draft), id: "new" }, "create") };
}
