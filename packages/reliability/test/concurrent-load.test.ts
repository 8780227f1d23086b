import type { Principal } from "@cerbos/core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budget } from "../src/budget.ts";
import { type ContactsApi, contactsApi, idOf, listAll, pageOf } from "../src/contacts-api.ts";
import { checkServed } from "../src/leak-check.ts";
import { insertUsers, loadUsers } from "../src/load-users.ts";
import {
  companiesFromDb,
  contactsFromDb,
  createOracle,
  type Oracle,
  organizationsFromDb,
  principalFromDb,
  type ServedContact,
} from "../src/oracle.ts";
import { type RawOutcome, rawCall } from "../src/raw-trpc.ts";
import { report } from "../src/report.ts";
import { openSqlite, type SqliteReader } from "../src/sqlite-reader.ts";
import { type ApiStack, loginAll, serverBase, startApiStack } from "../src/stack.ts";
import { pick, seededRandom, Tally } from "../src/tally.ts";

const seedClients = ["alice", "john", "sarah", "geri", "ivan", "bruno", "bill", "olga"];
const companiesOf: Record<number, number[]> = { 1: [1, 2, 3, 4], 2: [5, 6] };
const sortFields = ["lastName", "firstName", "createdAt", "updatedAt", "company"] as const;

interface Client {
  user: string;
  token: string;
  principal: Principal;
  orgs: number[];
  random: () => number;
  /** Contacts this client created and has not deleted: only it renames or deletes them. */
  mine: number[];
}

// N users hammer the API at once. Every row any of them is shown is re-checked with the PDP
// (a row they may not read is a leak), quiet phases compare whole lists with what they may read,
// and every acknowledged write must be in the database afterwards.
describe("concurrent load with a leak oracle", () => {
  let stack: ApiStack;
  let api: ContactsApi;
  let db: SqliteReader;
  let oracle: Oracle;
  let clients: Client[];
  const knownIds: number[] = [];

  beforeAll(async () => {
    stack = await startApiStack({ cerbosUrl: inject("cerbosUrl") });
    const base = serverBase(stack.url);
    api = contactsApi(base);
    const extra = loadUsers(Math.max(0, budget.loadClients - seedClients.length));
    await insertUsers(stack.dbFile, extra);
    const users = [...seedClients, ...extra.map((user) => user.id)].slice(0, budget.loadClients);
    const tokens = await loginAll(base, users);
    db = await openSqlite(stack.dbFile);
    oracle = createOracle(inject("cerbosUrl"));
    clients = [];
    for (const [index, user] of users.entries()) {
      const principal = (await principalFromDb(db, user))!;
      const orgs = principal.attr?.organizationIds as number[];
      clients.push({ user, token: tokens[user]!, principal, orgs, random: seededRandom(index + 7), mine: [] });
    }
    await seedContacts(tokens.alice!);
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  });

  /** A varied starting set: both organizations, every owner, flag and tag combination. */
  async function seedContacts(adminToken: string) {
    const random = seededRandom(42);
    const owners: Record<number, string[]> = {
      1: ["alice", "john", "sarah", "geri"],
      2: ["olga", "sarah", "ivan", "bruno", "bill"],
    };
    for (let index = 0; index < 40; index++) {
      const organizationId = index % 2 === 0 ? 1 : 2;
      const outcome = await api.create(adminToken, {
        organizationId,
        firstName: `Seed${index}`,
        lastName: pick(random, ["Anders", "Brown", "Chen", "de Vries", "Ekström", "Ó Briain"]),
        ownerId: pick(random, owners[organizationId]!),
        companyId: random() < 0.3 ? null : pick(random, companiesOf[organizationId]!),
        isActive: random() < 0.6,
        marketingOptIn: random() < 0.5,
        tags: random() < 0.3 ? ["public"] : random() < 0.5 ? ["vip"] : [],
      });
      knownIds.push(idOf(outcome));
    }
    knownIds.push(1, 2, 3, 4, 5, 6, 7, 8);
  }

  /** companies.list and organizations.list must equal what the user may read, row for row. */
  async function compareOtherLists(client: Client): Promise<number> {
    const lists = [
      { procedure: "companies.list", input: { limit: 50 }, resources: await companiesFromDb(db) },
      { procedure: "organizations.list", input: undefined, resources: await organizationsFromDb(db) },
    ];
    let checked = 0;
    for (const { procedure, input, resources } of lists) {
      const outcome = await rawCall({
        baseUrl: serverBase(stack.url),
        procedure,
        kind: "query",
        token: client.token,
        input,
      });
      expect(outcome.code, `${procedure} as ${client.user}`).toBeUndefined();
      const data = outcome.data as { items: { id: number }[] } | { id: number }[];
      const rows = Array.isArray(data) ? data : data.items;
      const listed = rows.map((row) => String(row.id)).sort();
      const readable = [...(await oracle.allowed(client.principal, resources))].sort();
      expect({ user: client.user, procedure, listed }).toEqual({ user: client.user, procedure, listed: readable });
      checked += listed.length;
    }
    return checked;
  }

  it(`${budget.loadClients} clients for ${budget.loadDurationMs / 1000} s: no leak, nothing missing, no lost write`, async () => {
    const tally = new Tally();
    const leaks: string[] = [];
    const lastName = new Map<number, string>();
    const deleted = new Set<number>();
    let sequence = 0;
    let rowsChecked = 0;
    let oracleMs = 0;
    let apiMs = 0;
    const timedApi = <T>(call: () => Promise<T>) => {
      const started = performance.now();
      return call().finally(() => {
        apiMs += performance.now() - started;
      });
    };
    let raced = 0;

    const record = (what: string, outcome: RawOutcome) => {
      const code = outcome.code ?? "OK";
      tally.add("requests");
      // CONFLICT: the contact changed between the API's check and its write (optimistic
      // concurrency); the write was not made, which is the safe answer to a race.
      const expected =
        code === "FORBIDDEN" ||
        code === "NOT_FOUND" ||
        (code === "CONFLICT" && (what === "update" || what === "delete"));
      tally.add(code === "OK" ? "served" : expected ? "refused" : "errors");
      if (code === "CONFLICT") tally.add("conflicts");
      if (code !== "OK" && !expected) tally.add(`error ${what} ${code}`, JSON.stringify(outcome.body).slice(0, 300));
      return code === "OK";
    };

    const verifyServed = async (client: Client, items: ServedContact[]) => {
      const started = performance.now();
      const report = await checkServed(db, oracle, client.principal, items);
      oracleMs += performance.now() - started;
      rowsChecked += report.checked;
      raced += report.raced;
      leaks.push(...report.leaks);
    };

    const step = async (client: Client) => {
      const { random, token } = client;
      const roll = random();
      if (roll < 0.45) {
        const input: Record<string, unknown> = {
          limit: pick(random, [5, 20, 50]),
          sortBy: pick(random, sortFields),
          sortDir: pick(random, ["asc", "desc"]),
        };
        if (random() < 0.3) input.search = pick(random, ["a", "e", "seed", "load", "Ö", "%"]);
        if (random() < 0.2) input.isActive = random() < 0.5;
        if (random() < 0.2) input.tag = pick(random, ["public", "vip"]);
        if (random() < 0.2) input.organizationId = pick(random, [1, 2]);
        let cursor: string | null = null;
        for (let page = 0; page < 3; page++) {
          const outcome = await timedApi(() => api.list(token, cursor ? { ...input, cursor } : input));
          if (!record("list", outcome)) return;
          const data = pageOf(outcome);
          await verifyServed(client, data.items as unknown as ServedContact[]);
          for (const item of data.items) if (knownIds.length < 5000) knownIds.push(item.id);
          cursor = data.nextCursor;
          if (!cursor || random() < 0.5) return;
        }
      } else if (roll < 0.65) {
        const outcome = await timedApi(() => api.get(token, pick(random, knownIds)));
        if (record("get", outcome)) await verifyServed(client, [outcome.data as ServedContact]);
      } else if (roll < 0.8) {
        const organizationId =
          random() < 0.9 && client.orgs.length > 0 ? pick(random, client.orgs) : pick(random, [1, 2]);
        const name = `${client.user}-${sequence++}`;
        const outcome = await timedApi(() =>
          api.create(token, {
            organizationId,
            firstName: "Load",
            lastName: name,
            companyId: random() < 0.5 ? null : pick(random, companiesOf[organizationId]!),
            isActive: random() < 0.7,
            marketingOptIn: random() < 0.5,
            tags: random() < 0.2 ? ["public"] : [],
          }),
        );
        if (record("create", outcome)) {
          const id = idOf(outcome);
          lastName.set(id, name);
          client.mine.push(id);
          knownIds.push(id);
        }
      } else if (roll < 0.92) {
        const own = client.mine.length > 0 && random() < 0.7;
        if (own) {
          const id = pick(random, client.mine);
          const name = `${client.user}-${sequence++}-renamed`;
          const outcome = await timedApi(() => api.update(token, id, { lastName: name, isActive: random() < 0.7 }));
          if (record("update", outcome)) lastName.set(id, name);
        } else {
          // Someone else's contact: allowed for admins and owners, refused otherwise; never renames.
          record(
            "update",
            await timedApi(() => api.update(token, pick(random, knownIds), { marketingOptIn: random() < 0.5 })),
          );
        }
      } else {
        const own = client.mine.length > 0 && random() < 0.6;
        const id = own ? pick(random, client.mine) : pick(random, knownIds);
        const outcome = await timedApi(() => api.remove(token, id));
        if (record("delete", outcome)) deleted.add(id);
        if (own) client.mine.splice(client.mine.indexOf(id), 1);
      }
    };

    const bursts = Math.max(1, Math.round(budget.loadDurationMs / budget.loadBurstMs));
    let compared = 0;
    let lostTotal = 0;
    for (let burst = 0; burst < bursts; burst++) {
      const until = Date.now() + budget.loadBurstMs;
      await Promise.all(
        clients.map(async (client) => {
          while (Date.now() < until) await step(client);
        }),
      );
      // Quiet phase: nothing writes. Each user's whole list must be exactly what they may read.
      const all = [...(await contactsFromDb(db)).values()];
      for (const client of clients) {
        const sortBy = sortFields[(burst + compared) % sortFields.length]!;
        const sortDir = compared % 2 === 0 ? "asc" : "desc";
        const listed = (await listAll(api, client.token, { sortBy, sortDir }))
          .map((item) => item.id)
          .sort((a, b) => a - b);
        const readable = [...(await oracle.allowed(client.principal, all))].map(Number).sort((a, b) => a - b);
        const first = pageOf(await api.list(client.token, { limit: 1 }));
        expect({ user: client.user, sortBy, sortDir, listed, total: first.total }).toEqual({
          user: client.user,
          sortBy,
          sortDir,
          listed: readable,
          total: readable.length,
        });
        compared++;
        rowsChecked += listed.length;
        rowsChecked += await compareOtherLists(client);
      }
      // Every acknowledged write is in the database; every acknowledged delete is gone.
      const rows = new Map(
        (await db.all<{ id: number; lastName: string }>("SELECT id, lastName FROM contacts")).map((row) => [
          Number(row.id),
          row.lastName,
        ]),
      );
      const lost = [
        ...[...lastName]
          .filter(([id, name]) => !deleted.has(id) && rows.get(id) !== name)
          .map(([id, name]) => `contact ${id}: acknowledged "${name}", found ${JSON.stringify(rows.get(id))}`),
        ...[...deleted].filter((id) => rows.has(id)).map((id) => `contact ${id}: acknowledged delete, still there`),
      ];
      lostTotal += lost.length;
      expect(lost).toEqual([]);
    }

    report("concurrent load", {
      clients: clients.length,
      requests: tally.get("requests"),
      served: tally.get("served"),
      refused: tally.get("refused"),
      errors: tally.get("errors"),
      conflicts: tally.get("conflicts"),
      leaked: leaks.length,
      lost: lostTotal,
      rowsChecked,
      raced,
      listsCompared: compared,
      writesAcknowledged: lastName.size + deleted.size,
      meanApiMs: Math.round(apiMs / Math.max(1, tally.get("requests"))),
      meanOracleMsPerCheck: Math.round(oracleMs / Math.max(1, tally.get("served"))),
    });
    expect(leaks).toEqual([]);
    expect(tally.samples).toEqual([]);
    expect(tally.get("errors")).toBe(0);
    // Floors, not speed: they prove the run did real work even on a busy two-core machine.
    expect(tally.get("served")).toBeGreaterThanOrEqual(budget.loadClients * 5);
    expect(tally.get("refused")).toBeGreaterThanOrEqual(budget.loadClients);
    expect(rowsChecked).toBeGreaterThanOrEqual(budget.loadClients * 50);
    expect(compared).toBe(bursts * clients.length);
    expect(lastName.size).toBeGreaterThanOrEqual(budget.loadClients);
  });
});
