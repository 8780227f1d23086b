import type { SqlReader } from "@repo/testing";

export interface LoadUser {
  id: string;
  role: "admin" | "user";
  department: string | null;
  isBanned: boolean;
  memberships: { organizationId: number; role: "owner" | "member" | "billing" }[];
}

type Membership = LoadUser["memberships"];

// Every combination the policies distinguish: department, ban, and membership roles per organization.
const departments = ["Sales", "Marketing", "IT", "Sales", null] as const;
const membershipShapes: Membership[] = [
  [{ organizationId: 1, role: "member" }],
  [{ organizationId: 2, role: "member" }],
  [
    { organizationId: 1, role: "member" },
    { organizationId: 2, role: "member" },
  ],
  [{ organizationId: 1, role: "billing" }],
  [
    { organizationId: 2, role: "owner" },
    { organizationId: 1, role: "member" },
  ],
  [],
  [{ organizationId: 1, role: "owner" }],
];

/** `count` generated users: varied departments and memberships, every 9th banned, every 11th an admin. */
export function loadUsers(count: number): LoadUser[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `load${String(index + 1).padStart(2, "0")}`,
    role: index % 11 === 10 ? "admin" : "user",
    department: departments[index % departments.length] ?? null,
    isBanned: index % 9 === 8,
    memberships: membershipShapes[index % membershipShapes.length] ?? [],
  }));
}

/**
 * Adds the users behind the API's back (there is no sign-up procedure), with john's password
 * hash, so they sign in with the demo password. Plain SQL both SQLite and Postgres take.
 */
export async function insertUsers(db: SqlReader, users: LoadUser[]): Promise<void> {
  for (const user of users) {
    await db.all(
      `INSERT INTO "users" ("id", "username", "email", "name", "passwordHash", "role", "department", "isBanned", "tokenVersion", "createdAt", "updatedAt")
       SELECT ?, ?, ?, ?, "passwordHash", ?, ?, ?, 0, "createdAt", "updatedAt" FROM "users" WHERE "id" = 'john'`,
      [user.id, user.id, `${user.id}@example.com`, user.id, user.role, user.department, user.isBanned],
    );
    for (const membership of user.memberships) {
      await db.all(
        `INSERT INTO "memberships" ("userId", "organizationId", "role", "createdAt", "updatedAt") VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
        [user.id, membership.organizationId, membership.role],
      );
    }
  }
}
