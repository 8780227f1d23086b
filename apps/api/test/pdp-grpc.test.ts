import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { errorOf, seedUsernames, type TestStack } from "../src/testing/index.ts";
import { stackOn } from "./support/stack.ts";

/** The page without the seed's timestamps (the two stacks were seeded a few ms apart). */
const withoutTimes = <T extends { items: object[] }>(page: T) => ({
  ...page,
  items: page.items.map(({ createdAt, updatedAt, ...rest }: { createdAt?: unknown; updatedAt?: unknown }) => rest),
});

// The same API over the PDP's gRPC API (CERBOS_URL=grpc://…) answers exactly as over HTTP.
describe("the API with CERBOS_URL=grpc://host:port", () => {
  let overHttp: TestStack;
  let overGrpc: TestStack;
  beforeAll(async () => {
    [overHttp, overGrpc] = await Promise.all([
      stackOn("sqlite"),
      stackOn("sqlite", {
        cerbosUrl: inject("cerbosGrpcUrl"),
        auditTrail: { pdpUrls: [inject("cerbosGrpcUrl")], ...inject("cerbosAdmin"), timeoutMs: 2000 },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([overHttp?.stop(), overGrpc?.stop()]);
  });

  it("lists, for every demo user and organization, the same contacts with the same flags as over HTTP", async () => {
    let compared = 0;
    for (const username of seedUsernames) {
      const [viaHttp, viaGrpc] = await Promise.all([overHttp.as(username), overGrpc.as(username)]);
      for (const organizationId of [1, 2]) {
        const input = { organizationId, limit: 100 };
        const [a, b] = await Promise.allSettled([
          viaHttp.contacts.list.query(input),
          viaGrpc.contacts.list.query(input),
        ]);
        expect(b.status, `${username} in organization ${organizationId}`).toBe(a.status);
        if (a.status === "fulfilled" && b.status === "fulfilled") {
          expect(withoutTimes(b.value), `${username} in organization ${organizationId}`).toEqual(withoutTimes(a.value));
          compared += a.value.items.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("authorizes a write the same way: john edits his own contact, not sarah's", async () => {
    const john = await overGrpc.as("john");
    expect(await john.contacts.update.mutate({ id: 2, firstName: "Over gRPC" })).toMatchObject({
      firstName: "Over gRPC",
      allowedActions: { read: true, update: true },
    });
    await expect(john.contacts.update.mutate({ id: 3, firstName: "Hacked" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });

  it("looks a decision up through the PDP's Admin API over gRPC", async () => {
    const sarah = await overGrpc.as("sarah");
    const { cerbosCallId } = await errorOf(sarah.contacts.update.mutate({ id: 1, firstName: "Jon" }));
    const decision = await (await overGrpc.as("alice")).decisions.lookup.query({ callId: cerbosCallId ?? "" });
    expect(decision).toMatchObject({
      type: "check",
      callId: cerbosCallId,
      pdp: inject("cerbosGrpcUrl"),
      principal: { id: "sarah" },
    });
  });
});
