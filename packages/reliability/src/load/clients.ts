import type { Principal } from "@cerbos/core";
import type { SqlReader } from "@repo/testing";
import { type ContactsApi, idOf } from "../contacts-api.ts";
import { principalFromDb } from "../oracle.ts";
import { loginAll } from "../stack.ts";
import { pick, seededRandom } from "../tally.ts";

export const seedClients = ["alice", "john", "sarah", "geri", "ivan", "bruno", "bill", "olga"];
export const companiesOf: Record<number, number[]> = { 1: [1, 2, 3, 4], 2: [5, 6] };

export interface LoadClient {
  user: string;
  token: string;
  principal: Principal;
  orgs: number[];
  random: () => number;
  /** Contacts this client created and has not deleted: only it renames or deletes them. */
  mine: number[];
}

/** Signs the users in (one login each) and builds each one's principal from the database. */
export async function prepareClients(baseUrl: string, db: SqlReader, users: readonly string[]): Promise<LoadClient[]> {
  const tokens = await loginAll(baseUrl, users);
  const clients: LoadClient[] = [];
  for (const [index, user] of users.entries()) {
    const principal = await principalFromDb(db, user);
    if (!principal) throw new Error(`no user ${user} in the database`);
    const orgs = principal.attr?.organizationIds as number[];
    const token = tokens[user];
    if (!token) throw new Error(`no token for ${user}`);
    clients.push({ user, token, principal, orgs, random: seededRandom(index + 7), mine: [] });
  }
  return clients;
}

/** A varied starting set: both organizations, every owner, flag and tag combination; returns the ids (seed rows included). */
export async function seedContacts(api: ContactsApi, adminToken: string): Promise<number[]> {
  const random = seededRandom(42);
  const owners: Record<number, string[]> = {
    1: ["alice", "john", "sarah", "geri"],
    2: ["olga", "sarah", "ivan", "bruno", "bill"],
  };
  const ids: number[] = [];
  for (let index = 0; index < 40; index++) {
    const organizationId = index % 2 === 0 ? 1 : 2;
    const outcome = await api.create(adminToken, {
      organizationId,
      firstName: `Seed${index}`,
      lastName: pick(random, ["Anders", "Brown", "Chen", "de Vries", "Ekström", "Ó Briain"]),
      ownerId: pick(random, owners[organizationId] ?? []),
      companyId: random() < 0.3 ? null : pick(random, companiesOf[organizationId] ?? []),
      isActive: random() < 0.6,
      marketingOptIn: random() < 0.5,
      tags: random() < 0.3 ? ["public"] : random() < 0.5 ? ["vip"] : [],
    });
    ids.push(idOf(outcome));
  }
  ids.push(1, 2, 3, 4, 5, 6, 7, 8);
  return ids;
}
