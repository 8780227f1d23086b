import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient, TestStack } from "../src/testing/index.ts";
import { type PdpCounter, startPdpCounter } from "./support/pdp-counter.ts";
import { stackOn } from "./support/stack.ts";

// PLAN_CACHE_MS on the real PDP, counted at the PDP's door: a repeated list asks no
// PlanResources, a membership change takes effect on the next list (the principal is part of the
// key), and writes are still decided by CheckResources every time. SQLite only: the cache is in
// front of the PDP, not of the database.

describe("PLAN_CACHE_MS: lists reuse plans, changes to the principal and writes do not", () => {
  let counter: PdpCounter;
  let app: TestStack;
  let alice: ApiClient;
  let john: ApiClient;
  beforeAll(async () => {
    counter = await startPdpCounter(inject("cerbosUrl"));
    app = await stackOn("sqlite", { cerbosUrl: counter.url, planCacheMs: 60_000 });
    [alice, john] = [await app.as("alice"), await app.as("john")];
  });
  afterAll(async () => {
    await app?.stop();
    await counter?.close();
  });

  const counted = async <T>(call: () => Promise<T>) => {
    counter.reset();
    const result = await call();
    return { result, ...counter.counts() };
  };

  it("a list repeated by the same principal asks the PDP nothing and returns the same page", async () => {
    const first = await counted(() => john.contacts.list.query());
    const again = await counted(() => john.contacts.list.query());
    expect(first.plan).toBe(3);
    expect(again).toMatchObject({ plan: 0, check: 0 });
    expect(again.result).toEqual(first.result);
    expect(first.result.items.length).toBeGreaterThan(0);
  });

  it("a membership change reaches the next list at once: new principal, new plans", async () => {
    const before = await counted(() => john.contacts.list.query());
    expect(before.plan).toBe(0);
    expect(before.result.items.some((contact) => contact.organizationId === 1)).toBe(true);
    await alice.organizations.removeMember.mutate({ organizationId: 1, userId: "john" });
    const after = await counted(() => john.contacts.list.query());
    expect(after.plan).toBe(3);
    expect(after.result.items.filter((contact) => contact.organizationId === 1)).toEqual([]);
  });

  it("every write is still decided by CheckResources at write time", async () => {
    await alice.organizations.addMember.mutate({ organizationId: 1, userId: "john", role: "member" });
    const { result: page } = await counted(() => john.contacts.list.query());
    const own = page.items.find((contact) => contact.ownerId === "john" && contact.allowedActions.update);
    expect(own).toBeDefined();
    for (const firstName of ["Once", "Twice"]) {
      const write = await counted(() => john.contacts.update.mutate({ id: own!.id, firstName }));
      expect(write.check).toBeGreaterThanOrEqual(1);
      expect(write.result).toMatchObject({ id: own!.id, firstName });
    }
  });
});
