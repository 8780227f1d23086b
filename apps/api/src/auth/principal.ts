import type { Principal } from "@cerbos/core";
import type { MembershipModel, UserModel } from "../db/models/index.ts";

/**
 * The Cerbos principal, built from the database on every request (never from the token or the
 * client). Must match policies/_schemas/principal.json exactly.
 */
export function principalOf(user: UserModel, memberships: MembershipModel[]): Principal {
  const idsWhere = (roles: readonly string[]) =>
    memberships
      .filter((m) => roles.includes(m.role))
      .map((m) => m.organizationId)
      .sort((a, b) => a - b);
  return {
    id: user.id,
    roles: [user.role],
    attr: {
      department: user.department,
      isBanned: user.isBanned,
      organizationIds: idsWhere(["owner", "member", "billing"]),
      memberOrgIds: idsWhere(["owner", "member"]),
      billingOrgIds: idsWhere(["owner", "billing"]),
      ownerOrgIds: idsWhere(["owner"]),
    },
  };
}
