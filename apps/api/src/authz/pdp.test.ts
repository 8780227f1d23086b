import { freePort } from "@repo/pdp";
import type {} from "@repo/pdp/global-setup";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type PdpCounter, startPdpCounter } from "../../test/support/pdp-counter.ts";
import { PdpUnavailable } from "../errors.ts";
import { createPdp } from "./pdp.ts";
import { probeEachPdp } from "./probe.ts";

const counters: PdpCounter[] = [];
afterAll(async () => {
  await Promise.all(counters.map((counter) => counter.close().catch(() => undefined)));
});

async function counter(): Promise<PdpCounter> {
  const started = await startPdpCounter(inject("cerbosUrl"));
  counters.push(started);
  return started;
}

/** A loopback URL with nothing listening: the connection is refused. */
const deadUrl = async () => `http://127.0.0.1:${await freePort()}`;

const check = {
  principal: { id: "john", roles: ["user"], attr: { department: "Sales", isBanned: false } },
  resources: [{ resource: { kind: "contact", id: "1", attr: {} }, actions: ["read"] }],
};

describe("several PDPs in CERBOS_URL", () => {
  it("spreads the calls round-robin over them", async () => {
    const [a, b] = [await counter(), await counter()];
    const pdp = createPdp(`${a.url},${b.url}`, 2000);
    for (let call = 0; call < 10; call++) await pdp.checkResources(check);
    expect([a.counts().check, b.counts().check]).toEqual([5, 5]);
  });

  it("retries a call on the next PDP when one refuses the connection, and reports healthy while any answers", async () => {
    const live = await counter();
    const pdp = createPdp([await deadUrl(), live.url, await deadUrl()], 2000);
    for (let call = 0; call < 6; call++) {
      const response = await pdp.checkResources(check);
      expect(response.results).toHaveLength(1);
    }
    expect(live.counts().check).toBe(6);
    expect(await pdp.isHealthy()).toBe(true);
  });

  it("keeps serving when a PDP goes away between calls", async () => {
    const [a, b] = [await counter(), await counter()];
    const pdp = createPdp([a.url, b.url], 2000);
    await pdp.checkResources(check);
    await b.close();
    for (let call = 0; call < 4; call++) await pdp.checkResources(check);
    expect(a.counts().check).toBe(5);
  });

  it("fails closed with PdpUnavailable within the timeout when none answers", async () => {
    const pdp = createPdp([await deadUrl(), await deadUrl()], 1000);
    const started = Date.now();
    await expect(pdp.checkResources(check)).rejects.toBeInstanceOf(PdpUnavailable);
    await expect(
      pdp.planResources({ principal: check.principal, resource: { kind: "contact" }, action: "read" }),
    ).rejects.toBeInstanceOf(PdpUnavailable);
    expect(Date.now() - started).toBeLessThan(2000 + 1000);
    expect(await pdp.isHealthy()).toBe(false);
  });

  it("checks each PDP at start-up and names the one that does not answer", async () => {
    const dead = await deadUrl();
    expect(await probeEachPdp([inject("cerbosUrl")], 2000, 0)).toEqual([]);
    expect(await probeEachPdp([inject("cerbosUrl"), dead], 2000, 0)).toEqual([
      `the PDP at ${dead} does not answer its health check (waited 0 ms)`,
    ]);
  });
});
