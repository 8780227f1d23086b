import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budget } from "../src/budget.ts";
import { type ContactsApi, contactsApi } from "../src/contacts-api.ts";
import { rawCall } from "../src/raw-trpc.ts";
import { report } from "../src/report.ts";
import { openSqlite } from "../src/sqlite-reader.ts";
import { type ApiStack, loginAll, serverBase, startApiStack } from "../src/stack.ts";
import { sleep, Tally } from "../src/tally.ts";
import { startTcpProxy, type TcpProxy } from "../src/tcp-proxy.ts";

const pdpTimeoutMs = 1000;
// Generous: two cores run this while other work goes on; a refusal that waits for the PDP's
// TCP connection (seconds, or forever) would blow far past it.
const marginMs = 1500;

// A PDP that accepts connections but answers late or never is worse than a dead one. The API
// must give up after its timeout, keep its event loop free, and not pile up connections.
describe("PDP stall", () => {
  let proxy: TcpProxy;
  let stack: ApiStack;
  let base: string;
  let api: ContactsApi;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const pdpUrl = new URL(inject("cerbosUrl"));
    proxy = await startTcpProxy({ host: pdpUrl.hostname, port: Number(pdpUrl.port) });
    stack = await startApiStack({ cerbosUrl: proxy.url, pdpTimeoutMs });
    base = serverBase(stack.url);
    api = contactsApi(base);
    tokens = await loginAll(base, ["john", "sarah", "alice"]);
  });

  afterAll(async () => {
    await stack?.stop();
    await proxy?.stop();
  });

  async function timed<T>(request: () => Promise<T>): Promise<{ result: T; ms: number }> {
    const started = performance.now();
    const result = await request();
    return { result, ms: performance.now() - started };
  }

  /** Sends `count` requests in waves of `concurrency`; each must be refused in time. */
  async function stalledRequests(count: number, concurrency: number, tally: Tally): Promise<number[]> {
    const latencies: number[] = [];
    const users = ["john", "sarah", "alice"];
    for (let sent = 0; sent < count; sent += concurrency) {
      const wave = Array.from({ length: Math.min(concurrency, count - sent) }, async (_, index) => {
        const token = tokens[users[(sent + index) % users.length]!]!;
        const request =
          index % 3 === 2
            ? () => api.create(token, { organizationId: 1, firstName: "Stall", lastName: `stalled-${sent + index}` })
            : () => api.list(token, { limit: 10 });
        const { result, ms } = await timed(request);
        latencies.push(ms);
        if (result.code === "SERVICE_UNAVAILABLE" && result.data === undefined) tally.add("refused");
        else tally.add("not-refused", JSON.stringify(result.body).slice(0, 200));
      });
      await Promise.all(wave);
    }
    return latencies;
  }

  it.each([
    { name: "black hole", mode: { kind: "blackhole" } as const },
    { name: "delay beyond the timeout", mode: { kind: "delay", ms: 3 * pdpTimeoutMs } as const },
  ])("$name: refused within the timeout, health answers, nothing piles up", async ({ mode }) => {
    expect((await api.list(tokens.john!, { limit: 5 })).code).toBeUndefined();
    const acceptedBefore = proxy.accepted();

    proxy.setMode(mode);
    const tally = new Tally();
    const healthLatencies: number[] = [];
    const meLatencies: number[] = [];
    let stalling = true;
    // Meanwhile, requests that need no PDP must keep answering: the event loop is free.
    const probe = (async () => {
      while (stalling) {
        const health = await timed(() => fetch(`${base}/health`).then((response) => response.status));
        healthLatencies.push(health.ms);
        const me = await timed(() =>
          rawCall({ baseUrl: base, procedure: "auth.me", kind: "query", token: tokens.john }),
        );
        if (me.result.code === undefined) meLatencies.push(me.ms);
        await sleep(100);
      }
    })();
    const latencies = await stalledRequests(budget.stallRequests, 10, tally);
    stalling = false;
    await probe;

    const slowest = Math.max(...latencies);
    report(`PDP stall (${mode.kind})`, {
      requests: budget.stallRequests,
      refused: tally.get("refused"),
      leaked: tally.get("not-refused"),
      slowestRefusalMs: Math.round(slowest),
      slowestHealthMs: Math.round(Math.max(...healthLatencies)),
      slowestAuthMeMs: Math.round(Math.max(...meLatencies)),
      proxySocketsOpen: proxy.openSockets(),
    });
    expect(tally.samples).toEqual([]);
    expect(tally.get("refused")).toBe(budget.stallRequests);
    expect(slowest).toBeLessThan(pdpTimeoutMs + marginMs);
    expect(healthLatencies.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...healthLatencies)).toBeLessThan(pdpTimeoutMs + marginMs);
    expect(meLatencies.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...meLatencies)).toBeLessThan(marginMs);
    expect(proxy.accepted() - acceptedBefore, "the PDP was never reached through the proxy").toBeGreaterThan(0);

    // The stall ends: the API serves again and the connections it opened meanwhile drain.
    proxy.setMode({ kind: "pass" });
    let served = 0;
    for (let attempt = 0; attempt < 50 && served < 10; attempt++) {
      if ((await api.list(tokens.sarah!, { limit: 5 })).code === undefined) served++;
      else await sleep(100);
    }
    expect(served).toBe(10);
    await sleep(500);
    // At most what was in flight at once (a wave of 10 requests; a contacts list asks one
    // PlanResources per action, read and its two flags, at once), never one per stalled request
    // (40 requests × 3 calls): a timed-out call's connection is closed, not left behind.
    const mostInFlight = 10 * 3;
    expect(proxy.openSockets(), "connections to the PDP left open after the stall").toBeLessThanOrEqual(mostInFlight);

    const db = await openSqlite(stack.dbFile);
    const stalledWrites = await db.all("SELECT id FROM contacts WHERE lastName LIKE 'stalled-%'");
    await db.close();
    expect(stalledWrites, "writes that went through while the PDP stalled").toEqual([]);
  });
});
