import { type AuthzContext, decide, loadKind } from "../authz/guard.ts";
import { organizationKind } from "./kind.ts";
import { organizationView } from "./list.ts";

/** The organization if `action` is allowed on it (NOT_FOUND outside the user's organizations, else FORBIDDEN). */
export async function authorizedOrganization(ctx: AuthzContext, id: number, action: string) {
  const organization = await loadKind(ctx, organizationKind, id);
  await decide(ctx, organizationKind, organization, action);
  return organization;
}

export async function getOrganization(ctx: AuthzContext, id: number) {
  return organizationView(await authorizedOrganization(ctx, id, "read"));
}

export async function organizationBilling(ctx: AuthzContext, id: number) {
  const organization = await authorizedOrganization(ctx, id, "readBilling");
  return { ...organizationView(organization), billingAddress: organization.billingAddress };
}

/** The members, for those who may `listMembers` (member or owner rights). */
export async function organizationMembers(ctx: AuthzContext, id: number) {
  const organization = await authorizedOrganization(ctx, id, "listMembers");
  const { Membership, User } = ctx.db.models;
  const memberships = await Membership.findAll({
    where: { organizationId: organization.id },
    include: [{ model: User, as: "user", attributes: ["id", "username", "name"] }],
    order: [["userId", "ASC"]],
  });
  return memberships.map((m) => ({
    userId: m.userId,
    username: m.user?.username ?? m.userId,
    name: m.user?.name ?? m.userId,
    role: m.role,
  }));
}
