import { createServer, type Server } from "node:http";
import { type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack } from "../src/testing/index.ts";
import { dialects, stackOn } from "./support/stack.ts";

async function contactCount(app: TestStack): Promise<number> {
  const [rows] = await app.api.sequelize.query(`SELECT COUNT(*) AS "n" FROM "contacts"`);
  return Number((rows as { n: unknown }[])[0]?.n);
}

describe.each(dialects)("the PDP down or slow (%s)", (dialect) => {
  let pdp: Pdp;
  let app: TestStack;
  let port: number;
  beforeAll(async () => {
    // A PDP of our own: this suite stops it.
    pdp = await startPdp({ policiesDir: repoPoliciesDir });
    port = Number(new URL(pdp.httpUrl).port);
    app = await stackOn(dialect, { cerbosUrl: pdp.httpUrl, pdpTimeoutMs: 1000 });
  });
  afterAll(async () => {
    await app?.stop();
    await pdp?.stop();
  });

  it("answers SERVICE_UNAVAILABLE with no data and writes nothing, then recovers when the PDP returns", async () => {
    const john = await app.as("john");
    expect((await john.contacts.list.query({})).total).toBe(4);
    const before = await contactCount(app);

    await pdp.stop();
    const calls = {
      list: () => john.contacts.list.query({}),
      get: () => john.contacts.get.query({ id: 1 }),
      create: () => john.contacts.create.mutate({ organizationId: 1, firstName: "Not", lastName: "Written" }),
      update: () => john.contacts.update.mutate({ id: 1, firstName: "Not written" }),
      delete: () => john.contacts.delete.mutate({ id: 1 }),
      permissions: () => john.contacts.permissions.query({ organizationId: 1 }),
      organizations: () => john.organizations.list.query(),
    };
    for (const [name, call] of Object.entries(calls)) {
      const error = await errorOf(call());
      expect(error.code, name).toBe("SERVICE_UNAVAILABLE");
      expect(error.httpStatus, name).toBe(503);
      expect(error.message, name).toBe("The authorization service is unavailable; try again shortly.");
    }
    expect(await contactCount(app)).toBe(before);
    const [rows] = await app.api.sequelize.query(`SELECT "firstName" FROM "contacts" WHERE "id" = 1`);
    expect(rows).toEqual([{ firstName: "Nick" }]);

    expect(await app.anonymous.health.query()).toEqual({ database: "ok", pdp: "down" });
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ database: "ok", pdp: "down" });
    // The balancer's check keeps the replica in rotation: every replica shares the PDPs.
    const live = await fetch(`${app.url}/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: "ok" }]);

    // The PDP comes back on the same address: the API recovers without a restart.
    pdp = await startPdp({ policiesDir: repoPoliciesDir, httpPort: port });
    expect((await john.contacts.list.query({})).total).toBe(4);
    expect(await app.anonymous.health.query()).toEqual({ database: "ok", pdp: "ok" });
  });
});

describe("a PDP that accepts connections but never answers", () => {
  let hanging: Server;
  let app: TestStack;
  beforeAll(async () => {
    hanging = createServer(() => undefined); // never responds
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const address = hanging.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    app = await stackOn("sqlite", { cerbosUrl: `http://127.0.0.1:${address.port}`, pdpTimeoutMs: 300 });
  });
  afterAll(async () => {
    await app?.stop();
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  // Without the API's own timeout the call would hang past this test's timeout.
  it("is given up on after the configured timeout: SERVICE_UNAVAILABLE, no data", { timeout: 10_000 }, async () => {
    const john = await app.as("john");
    const error = await errorOf(john.contacts.get.query({ id: 1 }));
    expect(error.code).toBe("SERVICE_UNAVAILABLE");
  });
});
