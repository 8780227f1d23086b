import { type AuthzContext, check, readKind, whyNot } from "../authz/guard.ts";
import { requireMembership } from "../authz/membership.ts";
import { buildContactDraft } from "./draft.ts";
import { contactKind } from "./kind.ts";
import { type ContactDto, serializeContact } from "./serialize.ts";

/** One contact, with what the user may do to it (read, update, delete in ONE check). */
export async function getContact(ctx: AuthzContext, id: number): Promise<ContactDto> {
  const { row, can } = await readKind(ctx, contactKind, id);
  return serializeContact(row, { read: true, ...can });
}

/** Whether the user may create a contact in the organization (the UI shows "New contact"), and why not. */
export async function contactPermissions(
  ctx: AuthzContext,
  organizationId: number,
): Promise<{ canCreate: boolean; reasons: string[] }> {
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
  const { results, cerbosCallId } = await check(ctx, [
    { resource: contactKind.resource(draft, "new"), actions: ["create"] },
  ]);
  const canCreate = results[0]?.create === true;
  return { canCreate, reasons: canCreate ? [] : whyNot(ctx, cerbosCallId, 0, "create") };
}
