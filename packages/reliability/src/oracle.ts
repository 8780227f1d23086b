import type { Principal, Resource } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import type { SqliteReader } from "./sqlite-reader.ts";

/**
 * The leak oracle: principals and contact resources built straight from database rows, exactly
 * as policies/_schemas describe them (not through the API's helpers), and asked of the PDP with
 * CheckResources. A row the oracle says the user may not read is a leak.
 */

interface UserRow {
  id: string;
  role: string;
  department: string | null;
  isBanned: number | boolean;
}
interface MembershipRow {
  organizationId: number;
  role: string;
}
interface ContactRow {
  id: number;
  updatedAt: string;
  ownerId: string;
  organizationId: number;
  companyId: number | null;
  isActive: number | boolean;
  marketingOptIn: number | boolean;
  tags: string | null;
}

export async function principalFromDb(db: SqliteReader, userId: string): Promise<Principal | undefined> {
  const [user] = await db.all<UserRow>("SELECT id, role, department, isBanned FROM users WHERE id = ?", [userId]);
  if (!user) return undefined;
  const memberships = await db.all<MembershipRow>("SELECT organizationId, role FROM memberships WHERE userId = ?", [
    userId,
  ]);
  const orgsWhere = (roles: string[]) =>
    memberships
      .filter((m) => roles.includes(m.role))
      .map((m) => Number(m.organizationId))
      .sort((a, b) => a - b);
  return {
    id: user.id,
    roles: [user.role],
    attr: {
      department: user.department,
      isBanned: Boolean(user.isBanned),
      organizationIds: orgsWhere(["owner", "member", "billing"]),
      memberOrgIds: orgsWhere(["owner", "member"]),
      billingOrgIds: orgsWhere(["owner", "billing"]),
      ownerOrgIds: orgsWhere(["owner"]),
    },
  };
}

const contactSelect = `
  SELECT c.id, c.updatedAt, c.ownerId, c.organizationId, c.companyId, c.isActive, c.marketingOptIn,
         (SELECT group_concat(t.name, char(31)) FROM contact_tags ct JOIN tags t ON t.id = ct.tagId
           WHERE ct.contactId = c.id) AS tags
  FROM contacts c`;

export interface StoredContact {
  resource: Resource;
  /** Milliseconds since the epoch: tells whether the row changed since a response showed it. */
  updatedAt: number;
}

/** Every contact in the database (or the given ids) as a Cerbos resource. */
export async function contactsFromDb(db: SqliteReader, ids?: readonly number[]): Promise<Map<number, Resource>> {
  const stored = await storedContacts(db, ids);
  return new Map([...stored].map(([id, contact]) => [id, contact.resource]));
}

export async function storedContacts(db: SqliteReader, ids?: readonly number[]): Promise<Map<number, StoredContact>> {
  const rows =
    ids === undefined
      ? await db.all<ContactRow>(contactSelect)
      : ids.length === 0
        ? []
        : await db.all<ContactRow>(`${contactSelect} WHERE c.id IN (${ids.map(() => "?").join(",")})`, [...ids]);
  return new Map(
    rows.map((row) => [Number(row.id), { resource: contactResource(row), updatedAt: sqliteTime(row.updatedAt) }]),
  );
}

/** Sequelize stores SQLite dates as `2026-11-25 01:02:03.456 +00:00`. */
export function sqliteTime(text: string): number {
  return Date.parse(text.replace(" ", "T").replace(/ ?\+00:00$/, "Z"));
}

/** The resource a list or get response showed (what the user was actually given). */
export interface ServedContact {
  id: number;
  ownerId: string;
  organizationId: number;
  company: { id: number } | null;
  isActive: boolean;
  marketingOptIn: boolean;
  tags: string[];
  updatedAt: string;
}

export function servedResource(item: ServedContact): Resource {
  return {
    kind: "contact",
    id: String(item.id),
    attr: {
      ownerId: item.ownerId,
      organizationId: item.organizationId,
      companyId: item.company?.id ?? null,
      isActive: item.isActive,
      marketingOptIn: item.marketingOptIn,
      tags: [...item.tags].sort(),
    },
  };
}

function contactResource(row: ContactRow): Resource {
  return {
    kind: "contact",
    id: String(row.id),
    attr: {
      ownerId: row.ownerId,
      organizationId: Number(row.organizationId),
      companyId: row.companyId === null ? null : Number(row.companyId),
      isActive: Boolean(row.isActive),
      marketingOptIn: Boolean(row.marketingOptIn),
      tags: row.tags ? row.tags.split("\u001f").sort() : [],
    },
  };
}

export interface Oracle {
  /** The ids among `resources` the principal may perform `action` on (CheckResources, 50 per call). */
  allowed(principal: Principal, resources: Resource[], action?: string): Promise<Set<string>>;
  /** Number of resources checked so far (proves the oracle did work). */
  checked(): number;
}

export function createOracle(cerbosUrl: string): Oracle {
  const cerbos = new HTTP(cerbosUrl);
  let checked = 0;
  return {
    async allowed(principal, resources, action = "read") {
      const allowed = new Set<string>();
      for (let start = 0; start < resources.length; start += 50) {
        const batch = resources.slice(start, start + 50);
        const response = await cerbos.checkResources({
          principal,
          resources: batch.map((resource) => ({ resource, actions: [action] })),
        });
        for (const resource of batch) {
          if (response.isAllowed({ resource: { kind: resource.kind, id: resource.id }, action }))
            allowed.add(resource.id);
        }
        checked += batch.length;
      }
      return allowed;
    },
    checked: () => checked,
  };
}

/** Companies and organizations as Cerbos resources (policies/_schemas/company.json, organization.json). */
export async function companiesFromDb(db: SqliteReader): Promise<Resource[]> {
  const rows = await db.all<{ id: number; organizationId: number }>("SELECT id, organizationId FROM companies");
  return rows.map((row) => ({
    kind: "company",
    id: String(row.id),
    attr: { organizationId: Number(row.organizationId) },
  }));
}

export async function organizationsFromDb(db: SqliteReader): Promise<Resource[]> {
  const rows = await db.all<{ id: number }>("SELECT id FROM organizations");
  return rows.map((row) => ({ kind: "organization", id: String(row.id), attr: { organizationId: Number(row.id) } }));
}
