import type { PlanResourcesRequest, PlanResourcesResponse } from "@cerbos/core";
import { describe, expect, it } from "vitest";
import { cachingPlans } from "./plan-cache.ts";

// The reuse rules of PLAN_CACHE_MS, against a PDP stand-in that numbers its answers (the real
// PDP behind the cache: test/plan-cache.test.ts).

const request = (overrides: Partial<PlanResourcesRequest> = {}): PlanResourcesRequest => ({
  principal: { id: "john", roles: ["user"], attr: { department: "sales", isBanned: false, organizationIds: [1] } },
  resource: { kind: "contact" },
  action: "read",
  requestId: "r1",
  ...overrides,
});

function numberingPdp() {
  const asked: PlanResourcesRequest[] = [];
  let fail = false;
  const pdp = {
    planResources: async (req: PlanResourcesRequest) => {
      asked.push(req);
      if (fail) throw new Error("PDP down");
      return { cerbosCallId: `call-${asked.length}` } as PlanResourcesResponse;
    },
  };
  return { pdp, asked, failNext: (value: boolean) => (fail = value) };
}

function clock(start = 1_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("cachingPlans (PLAN_CACHE_MS)", () => {
  it("answers the same request again from the first answer within ttlMs, whatever its request id", async () => {
    const { pdp, asked } = numberingPdp();
    const time = clock();
    const cached = cachingPlans(pdp, { ttlMs: 1000, now: time.now });
    const first = await cached.planResources(request());
    time.advance(999);
    const again = await cached.planResources(request({ requestId: "r2" }));
    expect(again).toBe(first);
    expect(asked).toHaveLength(1);
  });

  it("asks the PDP again once the answer is ttlMs old", async () => {
    const { pdp, asked } = numberingPdp();
    const time = clock();
    const cached = cachingPlans(pdp, { ttlMs: 1000, now: time.now });
    await cached.planResources(request());
    time.advance(1000);
    expect((await cached.planResources(request())).cerbosCallId).toBe("call-2");
    expect(asked).toHaveLength(2);
  });

  it("never reuses an answer for another principal, another attribute value, action or kind", async () => {
    const { pdp, asked } = numberingPdp();
    const cached = cachingPlans(pdp, { ttlMs: 60_000 });
    const base = request();
    const variants: PlanResourcesRequest[] = [
      base,
      { ...base, principal: { ...base.principal, id: "sarah" } },
      { ...base, principal: { ...base.principal, roles: ["admin"] } },
      { ...base, principal: { ...base.principal, attr: { ...base.principal.attr, isBanned: true } } },
      { ...base, principal: { ...base.principal, attr: { ...base.principal.attr, organizationIds: [1, 2] } } },
      { ...base, action: "update" },
      { ...base, resource: { kind: "company" } },
    ];
    const answers = await Promise.all(variants.map((variant) => cached.planResources(variant)));
    expect(new Set(answers.map((answer) => answer.cerbosCallId)).size).toBe(variants.length);
    expect(asked).toHaveLength(variants.length);
  });

  it("takes attribute order as the same principal (the key is order-independent)", async () => {
    const { pdp, asked } = numberingPdp();
    const cached = cachingPlans(pdp, { ttlMs: 60_000 });
    await cached.planResources(request());
    const base = request();
    const reordered = {
      ...base,
      principal: { attr: { organizationIds: [1], isBanned: false, department: "sales" }, roles: ["user"], id: "john" },
    };
    await cached.planResources(reordered);
    expect(asked).toHaveLength(1);
  });

  it("shares one PDP call among identical requests in flight", async () => {
    const { pdp, asked } = numberingPdp();
    const cached = cachingPlans(pdp, { ttlMs: 1000 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => cached.planResources(request())));
    expect(new Set(answers).size).toBe(1);
    expect(asked).toHaveLength(1);
  });

  it("keeps no failure: the list after a PDP error asks the PDP again", async () => {
    const { pdp, asked, failNext } = numberingPdp();
    const cached = cachingPlans(pdp, { ttlMs: 60_000 });
    failNext(true);
    await expect(cached.planResources(request())).rejects.toThrow("PDP down");
    failNext(false);
    expect((await cached.planResources(request())).cerbosCallId).toBe("call-2");
    expect(asked).toHaveLength(2);
  });

  it("keeps at most maxEntries plans, dropping the oldest", async () => {
    const { pdp, asked } = numberingPdp();
    const cached = cachingPlans(pdp, { ttlMs: 60_000, maxEntries: 2 });
    for (const action of ["read", "update", "delete"]) await cached.planResources(request({ action }));
    await cached.planResources(request({ action: "delete" }));
    expect(asked).toHaveLength(3);
    await cached.planResources(request({ action: "read" }));
    expect(asked).toHaveLength(4);
  });

  it("refuses a ttlMs that is not positive (0 means: do not wrap)", () => {
    expect(() => cachingPlans(numberingPdp().pdp, { ttlMs: 0 })).toThrow("ttlMs must be > 0");
  });
});
