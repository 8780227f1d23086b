import { companySuffixes, companyWords, firstNames, lastNames, tagNames } from "./names.ts";
import { integer, pick, seededRandom } from "./random.ts";

export type SqlValue = string | number | null;
export type Row = SqlValue[];

/** Column order of the rows below (the tables come from apps/api's migration). */
export const columns = {
  organizations: ["id", "name", "billingAddress", "createdAt", "updatedAt"],
  users: [
    "id",
    "username",
    "email",
    "name",
    "passwordHash",
    "role",
    "department",
    "isBanned",
    "tokenVersion",
    "createdAt",
    "updatedAt",
  ],
  memberships: ["id", "userId", "organizationId", "role", "createdAt", "updatedAt"],
  companies: ["id", "name", "website", "organizationId", "createdAt", "updatedAt"],
  tags: ["id", "name"],
  contacts: [
    "id",
    "firstName",
    "lastName",
    "ownerId",
    "companyId",
    "organizationId",
    "isActive",
    "marketingOptIn",
    "createdAt",
    "updatedAt",
  ],
  contact_tags: ["contactId", "tagId"],
} as const satisfies Record<string, readonly string[]>;

export type Table = keyof typeof columns;

export interface DatasetShape {
  contacts: number;
  organizations: number;
  users: number;
  companies: number;
  seed: number;
}

/** Tenants stay fixed while contacts grow, so a user's visible share (and the exact total) grows with N. */
export function shapeFor(contacts: number): DatasetShape {
  return {
    contacts,
    organizations: 20,
    users: Math.max(60, Math.round(contacts / 200)),
    companies: Math.max(100, Math.round(contacts / 50)),
    seed: 20261125,
  };
}

type Department = "Sales" | "Marketing" | "IT";
type OrgRole = "owner" | "member" | "billing";

export interface BenchUser {
  id: string;
  department: Department;
  role: "admin" | "user";
  memberships: readonly { organizationId: number; role: OrgRole }[];
}

/** The principals the list figures are measured for; they log in with `benchPassword`. */
export const benchUsers = {
  sales: {
    id: "bench-sales",
    department: "Sales",
    role: "user",
    memberships: [
      { organizationId: 1, role: "owner" },
      { organizationId: 2, role: "member" },
    ],
  },
  marketing: {
    id: "bench-marketing",
    department: "Marketing",
    role: "user",
    memberships: [
      { organizationId: 1, role: "member" },
      { organizationId: 3, role: "member" },
    ],
  },
  admin: { id: "bench-admin", department: "IT", role: "admin", memberships: [{ organizationId: 1, role: "member" }] },
} as const satisfies Record<string, BenchUser>;

export type BenchUserName = keyof typeof benchUsers;
export const benchUserNames = Object.keys(benchUsers) as BenchUserName[];
export const benchPassword = "bench-password-123";

const epoch = Date.UTC(2023, 0, 1);
const threeYears = 3 * 365 * 24 * 3600 * 1000;

/** Sequelize's SQLite date format. */
export function sqliteDate(ms: number): string {
  return `${new Date(ms).toISOString().replace("T", " ").replace("Z", "")} +00:00`;
}

export interface Dataset {
  shape: DatasetShape;
  small: Record<Exclude<Table, "contacts" | "contact_tags">, Row[]>;
  /** Streams contacts with their tag rows, so 1M contacts never sit in memory at once. */
  contacts(): Generator<{ contact: Row; tags: Row[] }>;
}

export function generateDataset(shape: DatasetShape, passwordHash: string): Dataset {
  const random = seededRandom(shape.seed);
  const now = sqliteDate(epoch + threeYears);
  const organizations = Array.from(
    { length: shape.organizations },
    (_, i): Row => [
      i + 1,
      `${pick(random, companyWords)} Group ${i + 1}`,
      `${integer(random, 1, 999)} Main St`,
      now,
      now,
    ],
  );

  const users: Row[] = [];
  const memberships: Row[] = [];
  const membersByOrg = new Map<number, string[]>();
  const addMember = (userId: string, organizationId: number, role: OrgRole) => {
    memberships.push([memberships.length + 1, userId, organizationId, role, now, now]);
    membersByOrg.set(organizationId, [...(membersByOrg.get(organizationId) ?? []), userId]);
  };
  const addUser = (user: BenchUser) => {
    users.push([
      user.id,
      user.id,
      `${user.id}@bench.example`,
      user.id,
      passwordHash,
      user.role,
      user.department,
      0,
      0,
      now,
      now,
    ]);
    for (const membership of user.memberships) addMember(user.id, membership.organizationId, membership.role);
  };
  for (const user of Object.values(benchUsers)) addUser(user);
  for (let i = users.length; i < shape.users; i++) {
    const first = (i % shape.organizations) + 1;
    const second = integer(random, 1, shape.organizations);
    const roll = random();
    const role: OrgRole = roll < 0.1 ? "owner" : roll < 0.2 ? "billing" : "member";
    addUser({
      id: `user-${String(i).padStart(6, "0")}`,
      department: pick(random, ["Sales", "Sales", "Sales", "Marketing", "Marketing", "IT"] as const),
      role: random() < 0.02 ? "admin" : "user",
      memberships:
        second === first || random() < 0.5
          ? [{ organizationId: first, role }]
          : [
              { organizationId: first, role },
              { organizationId: second, role: "member" },
            ],
    });
  }

  const companiesByOrg = new Map<number, number[]>();
  const companies = Array.from({ length: shape.companies }, (_, i): Row => {
    const organizationId = (i % shape.organizations) + 1;
    companiesByOrg.set(organizationId, [...(companiesByOrg.get(organizationId) ?? []), i + 1]);
    const name = `${pick(random, companyWords)} ${pick(random, companySuffixes)} ${i + 1}`;
    return [i + 1, name, random() < 0.7 ? `https://c${i + 1}.example` : null, organizationId, now, now];
  });
  const tags = tagNames.map((name, i): Row => [i + 1, name]);

  function* contacts(): Generator<{ contact: Row; tags: Row[] }> {
    const rows = seededRandom(shape.seed + 1);
    for (let id = 1; id <= shape.contacts; id++) {
      const organizationId = integer(rows, 1, shape.organizations);
      const createdAt = epoch + Math.floor(rows() * threeYears);
      const contact: Row = [
        id,
        pick(rows, firstNames),
        pick(rows, lastNames),
        pick(rows, membersByOrg.get(organizationId) ?? []),
        rows() < 0.9 ? pick(rows, companiesByOrg.get(organizationId) ?? []) : null,
        organizationId,
        rows() < 0.8 ? 1 : 0,
        rows() < 0.4 ? 1 : 0,
        sqliteDate(createdAt),
        sqliteDate(createdAt + Math.floor(rows() * (epoch + threeYears - createdAt))),
      ];
      const tagIds = new Set<number>();
      if (rows() < 0.1) tagIds.add(1);
      for (let n = integer(rows, 0, 2); n > 0; n--) tagIds.add(integer(rows, 2, tagNames.length));
      yield { contact, tags: [...tagIds].map((tagId): Row => [id, tagId]) };
    }
  }

  return { shape, small: { organizations, users, memberships, companies, tags }, contacts };
}
