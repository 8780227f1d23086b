import { HTTP } from "@cerbos/http";
import { contactResource, createOracle, readContacts, readPrincipal } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiClient, type TestStack, seedUsernames as users } from "../src/testing/index.ts";
import { expectedList, type ListParams } from "./support/expected-list.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

// Members who may own contacts in each organization (an owner must belong to it).
const ownersByOrganization: Record<number, string[]> = {
  1: ["sarah", "john", "geri"],
  2: ["olga", "sarah", "ivan", "bruno", "bill"],
};
const companiesByOrganization: Record<number, (number | null)[]> = { 1: [1, 2, 3, 4, null], 2: [5, 6, null] };
const firstNames = ["Mary", "mary", "MARY", "100%", "o_Brien", "Back\\slash", "Zoe", "adam", "Ann-Marie", "Bob"];
const lastNames = ["Jane", "Smith", "smith", "50% Off", "Under_score", "Slash\\Back", "Young", "Ng", "Park", "Arroyo"];

/** Deterministic pseudo-random sequence (the same rows on every run and dialect). */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

const withoutCompany = (index: number, companyId: number) => (index % 9 === 4 ? null : companyId);

async function addContacts(alice: ApiClient, count: number): Promise<void> {
  const next = sequence(42);
  for (let index = 0; index < count; index++) {
    const organizationId = 1 + next(2);
    const owners = ownersByOrganization[organizationId]!;
    const companies = companiesByOrganization[organizationId]!;
    const tags = [["public"], ["vip"], ["public", "vip"], [], []][next(5)]!;
    await alice.contacts.create.mutate({
      organizationId,
      ownerId: owners[next(owners.length)]!,
      // Every ninth without a company: the lists show `company: null` and sort it by the empty name.
      companyId: withoutCompany(index, companies[next(companies.length)]!),
      firstName: firstNames[next(firstNames.length)]!,
      lastName: lastNames[next(lastNames.length)]!,
      isActive: next(3) > 0,
      marketingOptIn: next(2) === 0,
      tags,
    });
  }
}

type Page = Awaited<ReturnType<ApiClient["contacts"]["list"]["query"]>>;

/** Follows nextCursor to the end; every page must report the same exact total. */
async function listAll(client: ApiClient, params: ListParams, limit: number) {
  const items: Page["items"] = [];
  const totals = new Set<number | null>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page: Page = await client.contacts.list.query({ ...params, limit, cursor });
    items.push(...page.items);
    totals.add(page.total);
    if (!page.nextCursor) return { items, totals: [...totals] };
    cursor = page.nextCursor;
  }
  throw new Error("pagination did not end");
}

const combinations: ListParams[] = [
  {},
  { sortBy: "firstName", sortDir: "desc" },
  { sortBy: "company", isActive: true },
  { sortBy: "createdAt", sortDir: "desc", search: "ar" },
  { sortBy: "updatedAt", search: "%" },
  { search: "_", sortBy: "lastName", sortDir: "desc" },
  { search: "\\" },
  { search: "MARY", sortBy: "company", sortDir: "desc" },
  { tag: "vip", sortBy: "firstName" },
  { tag: "public", isActive: false },
  { organizationId: 2, sortBy: "company" },
  { organizationId: 1, companyId: 3 },
];

describe.each(dialectsWithMariadb)("contacts.list equals per-row CheckResources (%s)", (dialect) => {
  let app: TestStack;
  const clients = new Map<string, ApiClient>();
  beforeAll(async () => {
    app = await stackOn(dialect);
    for (const user of users) clients.set(user, await app.as(user));
  });
  afterAll(() => app?.stop());

  it("on the seed data: john sees 1, 2, 3, 5; geri 1, 5; ivan 6; alice all 8", async () => {
    const ids = async (user: string) =>
      (await clients.get(user)!.contacts.list.query({ sortBy: "createdAt" })).items
        .map((c) => c.id)
        .sort((a, b) => a - b);
    expect(await ids("john")).toEqual([1, 2, 3, 5]);
    expect(await ids("geri")).toEqual([1, 5]);
    expect(await ids("ivan")).toEqual([6]);
    expect(await ids("alice")).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const john = await clients.get("john")!.contacts.list.query({});
    expect(john.total).toBe(4);
    expect(john.items.find((c) => c.id === 3)).toMatchObject({
      owner: { id: "sarah", name: "Sarah Sales" },
      company: { id: 3, name: "Pepsi Co" },
      allowedActions: { read: true, update: false, delete: false },
    });
  });

  it("for every user and every filter, sort and page size, the pages equal the oracle with exact totals", async () => {
    await addContacts(clients.get("alice")!, 45);
    const contacts = await readContacts(app.sql);
    expect(contacts.length).toBe(53);
    const stored = new Map(contacts.map((contact) => [contact.id, contact]));
    const userRows = await app.sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "users"`);
    const userNames = new Map(userRows.map((row) => [String(row.id), String(row.name)]));
    const oracle = createOracle(new HTTP(inject("cerbosUrl")));
    let compared = 0;
    for (const user of users) {
      const principal = (await readPrincipal(app.sql, user))!;
      const decisions = await oracle.decide(principal, contacts.map(contactResource), ["read", "update", "delete"]);
      const readable = (id: number) => decisions.get(String(id))?.read === true;
      const client = clients.get(user)!;
      for (const params of combinations) {
        if (params.organizationId !== undefined) {
          const principalOrgs = principal.attr.organizationIds as number[];
          if (user !== "alice" && !principalOrgs.includes(params.organizationId)) continue;
        }
        const expected = expectedList(contacts, readable, params);
        const { items, totals } = await listAll(client, params, 7);
        const label = `${user} ${JSON.stringify(params)}`;
        expect(
          items.map((c) => c.id),
          label,
        ).toEqual(expected.map((c) => c.id));
        expect(totals, label).toEqual([expected.length]);
        for (const item of items) {
          expect(item.allowedActions, `${label} #${item.id}`).toEqual(decisions.get(String(item.id)));
          // Read in the same statement as the row (contacts/include.ts): the stored tags, sorted.
          const row = stored.get(item.id)!;
          expect(item.tags, `${label} #${item.id} tags`).toEqual([...row.tags].sort());
          // So are the owner's and the company's names.
          expect({ owner: item.owner, company: item.company }, `${label} #${item.id} names`).toEqual({
            owner: { id: row.ownerId, name: userNames.get(row.ownerId) },
            company: row.companyId === null ? null : { id: row.companyId, name: row.companyName },
          });
        }
        compared++;
      }
      // Offset paging gives the same order as cursor paging.
      const expected = expectedList(contacts, readable, { sortBy: "firstName" });
      const second = await client.contacts.list.query({ sortBy: "firstName", limit: 5, offset: 5 });
      expect(second.items.map((c) => c.id)).toEqual(expected.slice(5, 10).map((c) => c.id));
      expect(second.total).toBe(expected.length);
    }
    expect(compared).toBeGreaterThan(70);
  });

  it("a page of 50 of 53 has a next cursor, and a cursor of another order is refused", async () => {
    const alice = clients.get("alice")!;
    const page = await alice.contacts.list.query({ limit: 50 });
    expect(page.items.length).toBe(50);
    expect(page.nextCursor).not.toBeNull();
    const wrongOrder = alice.contacts.list.query({ sortBy: "firstName", cursor: page.nextCursor! });
    await expect(wrongOrder).rejects.toMatchObject({ data: { code: "BAD_REQUEST" } });
    await expect(alice.contacts.list.query({ cursor: "garbage" })).rejects.toMatchObject({
      message: "The cursor is not valid.",
    });
  });
});
