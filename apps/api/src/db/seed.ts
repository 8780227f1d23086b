import { hashPassword } from "../auth/password.ts";
import type { MembershipRole, Models, UserRole } from "./models/index.ts";

/** Every demo user's password (development and tests only; listed in the README). */
export const demoPassword = "password123";

interface SeedUser {
  id: string;
  role: UserRole;
  department: string;
  isBanned?: boolean;
  name: string;
}

/** The demo users (README: "Demo users"); every one signs in with `demoPassword`. */
export const seedUsers = [
  { id: "alice", role: "admin", department: "IT", name: "Alice Admin" },
  { id: "john", role: "user", department: "Sales", name: "John Sales" },
  { id: "sarah", role: "user", department: "Sales", name: "Sarah Sales" },
  { id: "geri", role: "user", department: "Marketing", name: "Geri Marketing" },
  { id: "ivan", role: "user", department: "IT", name: "Ivan IT" },
  { id: "bruno", role: "user", department: "Sales", isBanned: true, name: "Bruno Banned" },
  { id: "bill", role: "user", department: "Marketing", name: "Bill Billing" },
  { id: "olga", role: "user", department: "Sales", name: "Olga Owner" },
] as const satisfies readonly SeedUser[];

export type SeedUsername = (typeof seedUsers)[number]["id"];
export const seedUsernames: SeedUsername[] = seedUsers.map((user) => user.id);

const organizations = [
  { id: 1, name: "Acme Corp", billingAddress: "1 Market St, Springfield" },
  { id: 2, name: "Globex Inc", billingAddress: "500 Oak Ave, Shelbyville" },
];

const memberships: { userId: string; organizationId: number; role: MembershipRole }[] = [
  { userId: "sarah", organizationId: 1, role: "owner" },
  { userId: "john", organizationId: 1, role: "member" },
  { userId: "geri", organizationId: 1, role: "member" },
  { userId: "olga", organizationId: 2, role: "owner" },
  { userId: "sarah", organizationId: 2, role: "member" },
  { userId: "ivan", organizationId: 2, role: "member" },
  { userId: "bruno", organizationId: 2, role: "member" },
  { userId: "bill", organizationId: 2, role: "billing" },
];

const companies = [
  { id: 1, name: "Coca Cola", website: "https://coca-cola.example", organizationId: 1 },
  { id: 2, name: "Legal Co", website: null, organizationId: 1 },
  { id: 3, name: "Pepsi Co", website: "https://pepsico.example", organizationId: 1 },
  { id: 4, name: "Capri Sun", website: null, organizationId: 1 },
  { id: 5, name: "Initech", website: "https://initech.example", organizationId: 2 },
  { id: 6, name: "Umbrella", website: null, organizationId: 2 },
];

const tags = [
  { id: 1, name: "public" },
  { id: 2, name: "vip" },
];

const contacts = [
  {
    id: 1,
    firstName: "Nick",
    lastName: "Smyth",
    ownerId: "john",
    companyId: 1,
    organizationId: 1,
    isActive: true,
    marketingOptIn: true,
  },
  {
    id: 2,
    firstName: "Simon",
    lastName: "Jaff",
    ownerId: "john",
    companyId: 2,
    organizationId: 1,
    isActive: false,
    marketingOptIn: true,
  },
  {
    id: 3,
    firstName: "Mary",
    lastName: "Jane",
    ownerId: "sarah",
    companyId: 3,
    organizationId: 1,
    isActive: true,
    marketingOptIn: false,
  },
  {
    id: 4,
    firstName: "Christina",
    lastName: "Baker",
    ownerId: "sarah",
    companyId: 4,
    organizationId: 1,
    isActive: false,
    marketingOptIn: true,
  },
  {
    id: 5,
    firstName: "Aleks",
    lastName: "Kozlov",
    ownerId: "sarah",
    companyId: 3,
    organizationId: 1,
    isActive: true,
    marketingOptIn: true,
  },
  {
    id: 6,
    firstName: "Peter",
    lastName: "Gibbons",
    ownerId: "olga",
    companyId: 5,
    organizationId: 2,
    isActive: false,
    marketingOptIn: false,
  },
  {
    id: 7,
    firstName: "Bill",
    lastName: "Lumbergh",
    ownerId: "olga",
    companyId: 5,
    organizationId: 2,
    isActive: false,
    marketingOptIn: false,
  },
  {
    id: 8,
    firstName: "Milton",
    lastName: "Waddams",
    ownerId: "bruno",
    companyId: 6,
    organizationId: 2,
    isActive: false,
    marketingOptIn: false,
  },
];

const contactTags = [
  { contactId: 6, tagId: 1 },
  { contactId: 6, tagId: 2 },
  { contactId: 7, tagId: 2 },
];

/**
 * Inserts the demo data (the Cerbos contacts-directory tutorial plus a second organization) when
 * the database has no users yet. Returns whether it seeded.
 */
export async function seedIfEmpty(models: Models): Promise<boolean> {
  if ((await models.User.count()) > 0) return false;
  const sequelize = models.User.sequelize!;
  const hashes = await Promise.all(seedUsers.map(() => hashPassword(demoPassword)));
  await sequelize.transaction(async (transaction) => {
    await models.User.bulkCreate(
      seedUsers.map((user, index) => ({
        id: user.id,
        username: user.id,
        email: `${user.id}@example.com`,
        name: user.name,
        passwordHash: hashes[index]!,
        role: user.role,
        department: user.department,
        isBanned: "isBanned" in user && user.isBanned,
      })),
      { transaction },
    );
    await models.Organization.bulkCreate(organizations, { transaction });
    await models.Membership.bulkCreate(memberships, { transaction });
    await models.Company.bulkCreate(companies, { transaction });
    await models.Tag.bulkCreate(tags, { transaction });
    await models.Contact.bulkCreate(contacts, { transaction });
    await models.ContactTag.bulkCreate(contactTags, { transaction });
  });
  if (sequelize.getDialect() === "postgres") await resetPostgresSequences(models);
  return true;
}

// Explicit ids do not advance Postgres sequences: move them past the seeded rows.
async function resetPostgresSequences(models: Models): Promise<void> {
  const sequelize = models.User.sequelize!;
  for (const table of ["organizations", "memberships", "companies", "tags", "contacts"]) {
    await sequelize.query(
      `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM "${table}"), false)`,
    );
  }
}
