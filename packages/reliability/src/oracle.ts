import type { Principal, Resource } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import {
  contactResource,
  readCompanies,
  readContacts,
  readOrganizations,
  readPrincipal,
  type SqlReader,
  createOracle as sharedOracle,
  time,
} from "@repo/testing";

/**
 * The leak oracle of this suite: @repo/testing's shared oracle (rows read with plain SQL, never
 * through the API's helpers, decided by the PDP with CheckResources) over the API's SQLite file.
 * A row the oracle says the user may not read is a leak.
 */

export async function principalFromDb(db: SqlReader, userId: string): Promise<Principal | undefined> {
  return readPrincipal(db, userId);
}

export interface StoredContact {
  resource: Resource;
  /** Milliseconds since the epoch: tells whether the row changed since a response showed it. */
  updatedAt: number;
}

/** Every contact in the database (or the given ids) as a Cerbos resource. */
export async function contactsFromDb(db: SqlReader, ids?: readonly number[]): Promise<Map<number, Resource>> {
  const stored = await storedContacts(db, ids);
  return new Map([...stored].map(([id, contact]) => [id, contact.resource]));
}

export async function storedContacts(db: SqlReader, ids?: readonly number[]): Promise<Map<number, StoredContact>> {
  const rows = await readContacts(db, ids);
  return new Map(rows.map((row) => [row.id, { resource: contactResource(row), updatedAt: row.updatedAt }]));
}

/** Sequelize stores SQLite dates as `2026-11-25 01:02:03.456 +00:00`. */
export function sqliteTime(text: string): number {
  return time(text);
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

export interface Oracle {
  /** The ids among `resources` the principal may perform `action` on (CheckResources, 50 per call). */
  allowed(principal: Principal, resources: Resource[], action?: string): Promise<Set<string>>;
  /** Number of resources checked so far (proves the oracle did work). */
  checked(): number;
}

export function createOracle(cerbosUrl: string): Oracle {
  return sharedOracle(new HTTP(cerbosUrl));
}

/** Companies and organizations as Cerbos resources (policies/_schemas/company.json, organization.json). */
export const companiesFromDb = (db: SqlReader): Promise<Resource[]> => readCompanies(db);
export const organizationsFromDb = (db: SqlReader): Promise<Resource[]> => readOrganizations(db);
