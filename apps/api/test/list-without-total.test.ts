import type { Sequelize } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestStack } from "../src/testing/index.ts";
import { dialects, stackOn } from "./support/stack.ts";

// contacts.list({ withTotal: false }): an infinite-scroll client knows the total from its first
// page; the next pages skip the count statement (a list's costliest at 100k) and say total null.

const bulk = 40;

/** The SQL of every statement the API sends, from the moment it is created. */
function recordStatements(sequelize: Sequelize) {
  const statements: string[] = [];
  sequelize.addHook("afterQuery", (_options, query) => {
    const { sql } = query as unknown as { sql?: unknown };
    if (typeof sql === "string") statements.push(sql);
  });
  return {
    async during<T>(call: () => Promise<T>) {
      statements.length = 0;
      const result = await call();
      return { result, statements: [...statements] };
    },
  };
}

const counts = (statements: string[]) => statements.filter((sql) => /\bcount\s*\(/i.test(sql));

type ListInput = Parameters<ApiClient["contacts"]["list"]["query"]>[0];

/** Every page of a cursor walk: items, cursors and totals page by page. */
async function walk(client: ApiClient, input: ListInput & object) {
  const pages: { ids: number[]; nextCursor: string | null; total: number | null }[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 50; n++) {
    const page = await client.contacts.list.query({ ...input, cursor });
    pages.push({ ids: page.items.map((item) => item.id), nextCursor: page.nextCursor, total: page.total });
    if (page.nextCursor === null) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

describe.each(dialects)("contacts.list without the total (%s)", (dialect) => {
  let app: TestStack;
  let john: ApiClient;
  let alice: ApiClient;
  let recorder: ReturnType<typeof recordStatements>;
  beforeAll(async () => {
    app = await stackOn(dialect);
    [alice, john] = [await app.as("alice"), await app.as("john")];
    await app.api.sequelize.model("Contact").bulkCreate(
      Array.from({ length: bulk }, (_, index) => ({
        firstName: `Bulk${String(index).padStart(3, "0")}`,
        lastName: `Row${String(index % 5)}`,
        ownerId: index % 2 === 0 ? "john" : "sarah",
        organizationId: 1,
        isActive: index % 3 !== 0,
        marketingOptIn: index % 4 === 0,
      })),
    );
    recorder = recordStatements(app.api.sequelize);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("gives total null and the same pages (items, order, cursors) as with the total", async () => {
    for (const [client, input] of [
      [john, { limit: 7 }],
      [alice, { limit: 9, sortBy: "firstName", sortDir: "desc" }],
      [john, { limit: 5, isActive: true, sortBy: "company" }],
    ] as const) {
      const withTotal = await walk(client, input);
      const without = await walk(client, { ...input, withTotal: false });
      expect(withTotal.length).toBeGreaterThan(1);
      expect(without.map(({ ids, nextCursor }) => ({ ids, nextCursor }))).toEqual(
        withTotal.map(({ ids, nextCursor }) => ({ ids, nextCursor })),
      );
      expect(without.every((page) => page.total === null)).toBe(true);
      // The default: the exact total on every page (every row the walk served, once).
      const served = withTotal.flatMap((page) => page.ids).length;
      expect(withTotal.every((page) => page.total === served)).toBe(true);
    }
  });

  it("runs no count statement without the total; the default runs one per page", async () => {
    const first = await john.contacts.list.query({ limit: 10 });
    const counted = await recorder.during(() => john.contacts.list.query({ limit: 10, cursor: first.nextCursor! }));
    expect(counted.result.total).toBeGreaterThan(10);
    expect(counts(counted.statements)).toHaveLength(1);
    const skipped = await recorder.during(() =>
      john.contacts.list.query({ limit: 10, cursor: first.nextCursor!, withTotal: false }),
    );
    expect(skipped.result.total).toBeNull();
    expect(skipped.result.items.map((c) => c.id)).toEqual(counted.result.items.map((c) => c.id));
    expect(skipped.statements.length).toBeGreaterThan(0);
    expect(counts(skipped.statements)).toEqual([]);
    expect(skipped.statements.length).toBe(counted.statements.length - 1);
  });

  it("an offset page without the total: same rows, total null", async () => {
    const withTotal = await alice.contacts.list.query({ limit: 6, offset: 12 });
    const without = await alice.contacts.list.query({ limit: 6, offset: 12, withTotal: false });
    expect(withTotal.total).toBe(8 + bulk);
    expect(without).toEqual({ ...withTotal, total: null });
  });
});
