import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiClient, type Dialect, errorOf, type TestStack } from "../src/testing/index.ts";
import { startPdpCounter } from "./support/pdp-counter.ts";
import { dialects, stackOn } from "./support/stack.ts";

// What each list costs at the PDP, counted at the PDP's door (a pass-through in front of the
// real PDP): one PlanResources per action (read and every flag), no CheckResources for the page
// unless LIST_VERIFY=check, pages up to 100 with keyset cursors and exact totals.

const bulk = 120;

/** 120 more contacts in Acme (owned by john) and 5 notes on contact 1: pages longer than 50. */
async function addRows(app: TestStack, john: ApiClient) {
  const Contact = app.api.sequelize.model("Contact");
  await Contact.bulkCreate(
    Array.from({ length: bulk }, (_, index) => ({
      firstName: `Bulk${String(index).padStart(3, "0")}`,
      lastName: `Row${String(index % 7)}`,
      ownerId: "john",
      organizationId: 1,
      companyId: index % 2 === 0 ? 1 : null,
      isActive: index % 3 !== 0,
      marketingOptIn: index % 2 === 0,
    })),
  );
  for (const body of ["one", "two", "three", "four", "five"]) {
    await john.notes.create.mutate({ contactId: 1, body, visibility: "organization" });
  }
}

async function setUp(dialect: Dialect, options: { listVerify?: "check" } = {}) {
  const counter = await startPdpCounter(inject("cerbosUrl"));
  const app = await stackOn(dialect, { ...options, cerbosUrl: counter.url });
  const [alice, john] = [await app.as("alice"), await app.as("john")];
  await addRows(app, john);
  /** The call's result and the PDP requests it made. */
  const counted = async <T>(call: () => Promise<T>) => {
    counter.reset();
    const result = await call();
    return { result, ...counter.counts() };
  };
  return { counter, app, alice, john, counted };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** A page as the two stacks must agree on it: which rows, with which actions, and the paging. */
const decided = (page: {
  items: { id: number; allowedActions: object }[];
  total: number | null;
  nextCursor: string | null;
}) => ({
  items: page.items.map((item) => [item.id, item.allowedActions]),
  total: page.total,
  nextCursor: page.nextCursor,
});

/** Every page of a cursor-paged list, with the PDP requests of each page. */
async function allPages<T>(
  s: Setup,
  page: (cursor: string | undefined) => Promise<{ items: T[]; total: number | null; nextCursor: string | null }>,
) {
  const items: T[] = [];
  const pages: { plan: number; check: number; total: number | null }[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 50; count++) {
    const { result, plan, check } = await s.counted(() => page(cursor));
    items.push(...result.items);
    pages.push({ plan, check, total: result.total });
    if (result.nextCursor === null) return { items, pages };
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end");
}

describe.each(dialects)("lists at the PDP (%s)", (dialect) => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(dialect);
  });
  afterAll(async () => {
    await s?.app.stop();
    await s?.counter.close();
  });

  it("contacts.list: 3 PlanResources (read, update, delete), no CheckResources, pages of 100 with an exact total", async () => {
    const { items, pages } = await allPages(s, (cursor) => s.alice.contacts.list.query({ limit: 100, cursor }));
    expect(items.length).toBe(8 + bulk);
    expect(new Set(items.map((c) => c.id)).size).toBe(8 + bulk);
    expect(pages).toEqual([
      { plan: 3, check: 0, total: 8 + bulk },
      { plan: 3, check: 0, total: 8 + bulk },
    ]);
    expect(items.every((c) => c.allowedActions.read && c.allowedActions.update && c.allowedActions.delete)).toBe(true);
    expect((await errorOf(s.alice.contacts.list.query({ limit: 101 }))).code).toBe("BAD_REQUEST");
  });

  it("companies.list: 2 PlanResources (read, update), no CheckResources; the cursor walks the whole list by name", async () => {
    const whole = await s.counted(() => s.alice.companies.list.query({ limit: 100 }));
    expect(whole).toMatchObject({ plan: 2, check: 0, result: { total: 6, nextCursor: null } });
    const { items, pages } = await allPages(s, (cursor) => s.alice.companies.list.query({ limit: 4, cursor }));
    expect(items.map((c) => c.id)).toEqual(whole.result.items.map((c) => c.id));
    expect(whole.result.items.map((c) => c.name)).toEqual([...whole.result.items.map((c) => c.name)].sort());
    expect(pages).toEqual([
      { plan: 2, check: 0, total: 6 },
      { plan: 2, check: 0, total: 6 },
    ]);
  });

  it("organizations.list: 6 PlanResources (read and five flags), no CheckResources, paged by cursor", async () => {
    const { items, pages } = await allPages(s, (cursor) => s.alice.organizations.list.query({ limit: 1, cursor }));
    expect(items.map((o) => o.name)).toEqual(["Acme Corp", "Globex Inc"]);
    expect(pages).toEqual([
      { plan: 6, check: 0, total: 2 },
      { plan: 6, check: 0, total: 2 },
    ]);
    const john = (await s.john.organizations.list.query()).items;
    expect(john).toMatchObject([{ id: 1, role: "member", allowedActions: { listMembers: true, assignRole: false } }]);
  });

  it("users.list: 1 PlanResources, no CheckResources, paged by cursor; nobody readable → FORBIDDEN", async () => {
    const { items, pages } = await allPages(s, (cursor) => s.alice.users.list.query({ limit: 3, cursor }));
    expect(items.map((u) => u.id)).toEqual(["alice", "bill", "bruno", "geri", "ivan", "john", "olga", "sarah"]);
    expect(pages).toEqual(Array.from({ length: 3 }, () => ({ plan: 1, check: 0, total: 8 })));
    const denied = await s.counted(() => errorOf(s.john.users.list.query()));
    expect(denied).toMatchObject({ plan: 1, check: 0, result: { code: "FORBIDDEN" } });
  });

  it("notes.list: 3 PlanResources (read, update, delete), no CheckResources, newest first by cursor", async () => {
    const { items, pages } = await allPages(s, (cursor) => s.john.notes.list.query({ contactId: 1, limit: 2, cursor }));
    expect(items.map((n) => n.body)).toEqual(["five", "four", "three", "two", "one"]);
    expect(pages).toEqual(Array.from({ length: 3 }, () => ({ plan: 3, check: 0, total: 5 })));
    expect(items.every((n) => n.allowedActions.update && n.allowedActions.delete)).toBe(true);
  });

  it("organizations.members: one CheckResources on the organization (listMembers), then the list", async () => {
    const members = await s.counted(() => s.john.organizations.members.query({ organizationId: 1 }));
    expect(members).toMatchObject({ plan: 0, check: 1 });
    expect(members.result.map((m) => m.userId)).toEqual(["geri", "john", "sarah"]);
  });

  it("refuses a cursor of another list or a forged one (BAD_REQUEST)", async () => {
    const users = await s.alice.users.list.query({ limit: 1 });
    const foreign = await errorOf(s.alice.companies.list.query({ cursor: users.nextCursor! }));
    expect(foreign).toMatchObject({ code: "BAD_REQUEST", message: "The cursor belongs to another list." });
    const forged = Buffer.from(JSON.stringify({ list: "companies", key: [1, "x"] })).toString("base64url");
    expect((await errorOf(s.alice.companies.list.query({ cursor: forged }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(s.alice.companies.list.query({ cursor: "garbage" }))).code).toBe("BAD_REQUEST");
  });
});

describe("lists at the PDP with LIST_VERIFY=check (sqlite)", () => {
  let s: Setup;
  let plain: Setup;
  beforeAll(async () => {
    [s, plain] = [await setUp("sqlite", { listVerify: "check" }), await setUp("sqlite")];
  });
  afterAll(async () => {
    for (const setup of [s, plain]) {
      await setup?.app.stop();
      await setup?.counter.close();
    }
  });

  it("adds ⌈rows / 50⌉ CheckResources per page and serves exactly what the plans in SQL serve", async () => {
    const checked = await s.counted(() => s.alice.contacts.list.query({ limit: 100 }));
    expect(checked).toMatchObject({ plan: 3, check: 2 });
    expect(checked.result.items.length).toBe(100);
    expect(decided(checked.result)).toEqual(decided(await plain.alice.contacts.list.query({ limit: 100 })));
    const john = await s.counted(() => s.john.contacts.list.query({ limit: 30 }));
    expect(john).toMatchObject({ plan: 3, check: 1 });
    expect(decided(john.result)).toEqual(decided(await plain.john.contacts.list.query({ limit: 30 })));
    const geri = await s.app.as("geri");
    const companies = await s.counted(() => geri.companies.list.query({ organizationId: 1 }));
    expect(companies).toMatchObject({ plan: 2, check: 1, result: { total: 4 } });
    const geriPlain = await plain.app.as("geri");
    expect(decided(companies.result)).toEqual(decided(await geriPlain.companies.list.query({ organizationId: 1 })));
  });
});
