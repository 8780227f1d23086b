import { freePort, type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budget } from "../src/budget.ts";
import { type ContactsApi, contactsApi, idOf, pageOf } from "../src/contacts-api.ts";
import type { RawOutcome } from "../src/raw-trpc.ts";
import { report } from "../src/report.ts";
import { openSqlite } from "../src/sqlite-reader.ts";
import { type ApiStack, loginAll, serverBase, startApiStack } from "../src/stack.ts";
import { pick, seededRandom, sleep, Tally } from "../src/tally.ts";

type Phase = "up" | "stopping" | "down" | "restarting";

// The PDP dies while users list and write. From the moment it is gone every request must be
// refused with SERVICE_UNAVAILABLE (no rows, no writes), and when a PDP comes back on the same
// address the API serves again without being restarted.
describe("PDP outage", () => {
  let pdp: Pdp;
  let ports: { httpPort: number; grpcPort: number };
  let stack: ApiStack;
  let api: ContactsApi;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    ports = { httpPort: await freePort(), grpcPort: await freePort() };
    pdp = await startPdp({ policiesDir: repoPoliciesDir, ...ports });
    stack = await startApiStack({ cerbosUrl: pdp.httpUrl });
    const base = serverBase(stack.url);
    api = contactsApi(base);
    tokens = await loginAll(base, ["alice", "john", "sarah", "geri"]);
  });

  afterAll(async () => {
    await stack?.stop();
    await pdp?.stop();
  });

  it("refuses everything while the PDP is down and recovers by itself", async () => {
    let phase: Phase = "up";
    let phaseStarted = performance.now();
    let cycleNo = 0;
    let running = true;
    const tally = new Tally();
    const markersWrittenWhileDown: string[] = [];
    let sequence = 0;

    const classify = (startedIn: Phase, what: string, outcome: RawOutcome) => {
      if (startedIn === "down") {
        if (outcome.code === "SERVICE_UNAVAILABLE" && outcome.data === undefined) tally.add("refused");
        else tally.add("leaked", `${what} → ${JSON.stringify(outcome.body).slice(0, 300)}`);
      } else if (outcome.code === undefined) {
        tally.add(startedIn === "up" ? "served" : "served-in-transition");
      } else if (outcome.code === "FORBIDDEN" || outcome.code === "NOT_FOUND") {
        tally.add("denied");
      } else if (outcome.code === "CONFLICT" && what === "update") {
        // Two workers edited the same contact at once: the later write is refused, never merged.
        tally.add("conflict");
      } else if (outcome.code === "SERVICE_UNAVAILABLE" && (startedIn !== "up" || phase !== "up")) {
        // In flight while the PDP went away or came back: refusing is right, serving would be too.
        tally.add("refused-in-transition");
      } else {
        const since = Math.round(performance.now() - phaseStarted);
        tally.add(
          "unexpected",
          `${startedIn}#${cycleNo} +${since}ms ${what} → ${JSON.stringify(outcome.body).slice(0, 200)}`,
        );
      }
    };

    const worker = async (user: string, seed: number) => {
      const random = seededRandom(seed);
      const token = tokens[user]!;
      const knownIds = [1, 2, 3, 4, 5];
      while (running) {
        const startedIn = phase;
        const marker = `${startedIn}-${user}-${sequence++}`;
        const action = pick(random, ["list", "list", "get", "create", "update"] as const);
        if (startedIn === "down" && (action === "create" || action === "update")) markersWrittenWhileDown.push(marker);
        let outcome: RawOutcome;
        if (action === "list") {
          outcome = await api.list(token, { limit: 20 });
          if (!outcome.code) knownIds.push(...pageOf(outcome).items.map((item) => item.id));
        } else if (action === "get") {
          outcome = await api.get(token, pick(random, knownIds));
        } else if (action === "create") {
          outcome = await api.create(token, { organizationId: 1, firstName: "Outage", lastName: marker });
          if (!outcome.code) knownIds.push(idOf(outcome));
        } else {
          outcome = await api.update(token, pick(random, knownIds), { lastName: marker });
        }
        classify(startedIn, action, outcome);
      }
    };

    const workers = ["alice", "john", "sarah", "geri", "john", "sarah"].map((user, index) => worker(user, index + 1));
    const db = await openSqlite(stack.dbFile);
    try {
      for (let cycle = 0; cycle < budget.outageCycles; cycle++) {
        await sleep(1500);
        phase = "stopping";
        await pdp.stop();
        phase = "down";
        await sleep(2000);
        phase = "restarting";
        pdp = await startPdp({ policiesDir: repoPoliciesDir, ...ports });
        const recovered = await waitUntilServed(() => api.get(tokens.john!, 1), 15_000);
        expect(recovered, "the API did not serve again within 15 s of the PDP's return").toBe(true);
        phase = "up";
        phaseStarted = performance.now();
        cycleNo++;
      }
      await sleep(1500);
    } finally {
      running = false;
      await Promise.all(workers);
    }

    const written = await db.all<{ lastName: string }>(
      "SELECT lastName FROM contacts WHERE lastName LIKE 'down-%' ESCAPE '\\'",
    );
    await db.close();
    report("PDP outage", {
      cycles: budget.outageCycles,
      requests: Object.values(tally.toJSON()).reduce((sum, count) => sum + count, 0),
      served: tally.get("served"),
      refused: tally.get("refused"),
      refusedInTransition: tally.get("refused-in-transition"),
      leaked: tally.get("leaked"),
      writesAttemptedWhileDown: markersWrittenWhileDown.length,
      rowsWrittenWhileDown: written.length,
      unexpected: tally.get("unexpected"),
    });
    expect(tally.samples.filter((sample) => !sample.startsWith("denied"))).toEqual([]);
    expect(tally.get("leaked")).toBe(0);
    expect(written, "rows written while the PDP was down").toEqual([]);
    expect(tally.get("refused")).toBeGreaterThanOrEqual(10 * budget.outageCycles);
    expect(tally.get("served")).toBeGreaterThanOrEqual(15 * budget.outageCycles);
    expect(markersWrittenWhileDown.length).toBeGreaterThanOrEqual(5);
  });
});

async function waitUntilServed(request: () => Promise<RawOutcome>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await request()).code === undefined) return true;
    await sleep(100);
  }
  return false;
}
