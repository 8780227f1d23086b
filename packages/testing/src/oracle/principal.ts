import type { OraclePrincipal, SqlReader } from "./types.ts";
import { bool, int } from "./values.ts";

interface UserRow {
  role: string;
  department: string | null;
  isBanned: unknown;
}

interface MembershipRow {
  organizationId: unknown;
  role: string;
}

/**
 * The principal exactly as policies/_schemas/principal.json describes it, from the users and
 * memberships rows (not through the API's own principal builder). Undefined for a missing user.
 */
export async function readPrincipal(db: SqlReader, userId: string): Promise<OraclePrincipal | undefined> {
  const [user] = await db.all<UserRow>(`SELECT "role", "department", "isBanned" FROM "users" WHERE "id" = ?`, [userId]);
  if (!user) return undefined;
  const memberships = await db.all<MembershipRow>(
    `SELECT "organizationId", "role" FROM "memberships" WHERE "userId" = ?`,
    [userId],
  );
  const organizationsWhere = (roles: string[]) =>
    memberships
      .filter((membership) => roles.includes(membership.role))
      .map((membership) => int(membership.organizationId))
      .sort((a, b) => a - b);
  return {
    id: userId,
    roles: [user.role],
    attr: {
      department: user.department,
      isBanned: bool(user.isBanned),
      organizationIds: organizationsWhere(["owner", "member", "billing"]),
      memberOrgIds: organizationsWhere(["owner", "member"]),
      billingOrgIds: organizationsWhere(["owner", "billing"]),
      ownerOrgIds: organizationsWhere(["owner"]),
    },
  };
}
