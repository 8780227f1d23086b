import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budget } from "../src/budget.ts";
import { contactsApi } from "../src/contacts-api.ts";
import { type LoadClient, prepareClients, seedClients, seedContacts } from "../src/load/clients.ts";
import { type LoadRun, loadRun, percentile } from "../src/load/run.ts";
import { insertUsers, loadUsers } from "../src/load-users.ts";
import { createOracle } from "../src/oracle.ts";
import { report } from "../src/report.ts";
import { type ScaleOutStack, startScaleOut } from "../src/scale-out/stack.ts";
import { sleep } from "../src/tally.ts";

// The concurrent load with the leak oracle (src/load/) through haproxy in front of two API
// replicas and two PDPs on one Postgres, while one replica is killed with SIGKILL, one PDP is
// restarted and Postgres is restarted (fast shutdown). The oracle asks a PDP of its own (the
// suite's), so the faults do not touch it.
describe("scale-out: load through haproxy with a replica killed, a PDP restarted and Postgres restarted", () => {
  let stack: ScaleOutStack;
  let clients: LoadClient[];
  let knownIds: number[];
  let faultActive = false;

  beforeAll(async () => {
    stack = await startScaleOut();
    const extra = loadUsers(Math.max(0, budget.scaleOutClients - seedClients.length));
    await insertUsers(stack.sql, extra);
    const users = [...seedClients, ...extra.map((user) => user.id)].slice(0, budget.scaleOutClients);
    clients = await prepareClients(stack.url, stack.sql, users);
    knownIds = await seedContacts(contactsApi(stack.url), clients[0]!.token);
  });
  afterAll(() => stack?.stop());

  /** Until haproxy sends requests to every replica again (its health check saw /live answer). */
  async function everyReplicaUp(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      if (Object.values(await stack.haproxy.servers()).every((server) => server.status === "UP")) return;
      await sleep(100);
    }
    throw new Error(`haproxy does not see every replica up: ${JSON.stringify(await stack.haproxy.servers())}`);
  }

  /** A burst with `fault` started a third of the way in; the fault window lasts until the burst ends. */
  async function burstWith(
    run: LoadRun,
    phase: string,
    fault?: () => Promise<void>,
  ): Promise<{ latencies: number[]; during: number }> {
    run.state.phase = phase;
    const before = run.state.tally.get("refused during faults");
    const injected = fault
      ? sleep(budget.scaleOutBurstMs / 3).then(async () => {
          faultActive = true;
          await fault();
        })
      : Promise.resolve();
    const latencies = await run.burst(budget.scaleOutBurstMs);
    await injected;
    faultActive = false;
    return { latencies, during: run.state.tally.get("refused during faults") - before };
  }

  it("no leak, no wrong list, no lost write; only clean refusals while a fault is under way; all served after", async () => {
    const oracle = createOracle(inject("cerbosUrl"));
    const api = contactsApi(stack.url);
    const run = loadRun({
      baseUrl: stack.url,
      api,
      db: stack.sql,
      oracle,
      clients,
      knownIds,
      faultActive: () => faultActive,
    });
    const [api1] = stack.replicas;
    const [pdp1] = stack.pdps;
    const phases: Record<string, { latencies: number[]; during: number; errorsAfter: number }> = {};
    const quiet = async (name: string, index: number, burst: { latencies: number[]; during: number }) => {
      const { mismatches, lost } = await run.quiet(index);
      expect(mismatches).toEqual([]);
      expect(lost).toEqual([]);
      phases[name] = { ...burst, errorsAfter: run.state.tally.get("errors") };
    };

    await quiet("steady", 0, await burstWith(run, "steady"));
    await quiet("replica killed", 1, await burstWith(run, "replica killed", () => api1!.kill9()));
    await api1!.start();
    await everyReplicaUp();
    await quiet(
      "PDP restarted",
      2,
      await burstWith(run, "PDP restarted", async () => {
        await pdp1!.stop();
        await sleep(500);
        await pdp1!.start();
      }),
    );
    // A Postgres fast restart: every session terminated, down for a second. Requests fail
    // closed (SERVICE_UNAVAILABLE) meanwhile; the replicas' pools reconnect by themselves.
    await quiet("database restarted", 3, await burstWith(run, "database restarted", () => stack.restartPostgres(1000)));
    const errorsBeforeRecovery = run.state.tally.get("errors");
    const servedBeforeRecovery = run.state.tally.get("served");
    await quiet("recovered", 4, await burstWith(run, "recovered"));

    const { state } = run;
    const { tally } = state;
    const figures: Record<string, number | string> = {
      clients: clients.length,
      requests: tally.get("requests"),
      served: tally.get("served"),
      refused: tally.get("refused"),
      refusedDuringFaults: tally.get("refused during faults"),
      errors: tally.get("errors"),
      leaked: state.leaks.length,
      rowsChecked: state.rowsChecked,
      listsCompared: run.compared(),
      writesAcknowledged: state.lastName.size + state.deleted.size,
      unknownWritesAtFaults: state.unknownNames.size + state.unknownDeletes.size,
    };
    for (const [name, count] of Object.entries(tally.toJSON())) {
      if (name.startsWith("fault ") || name.startsWith("error ")) figures[name] = count;
    }
    for (const [name, phase] of Object.entries(phases)) {
      figures[`${name} p50 ms`] = percentile(phase.latencies, 50);
      figures[`${name} p99 ms`] = percentile(phase.latencies, 99);
      figures[`${name} requests`] = phase.latencies.length;
      figures[`${name} refused by fault`] = phase.during;
    }
    report("scale-out load", figures);
    if (tally.get("errors") > 0) {
      console.log(`haproxy's abnormal terminations:\n${stack.haproxy.output()}`);
      for (const replica of stack.replicas) console.log(`${replica.name}:\n${replica.process()?.output() ?? ""}`);
    }

    expect({ leaks: state.leaks, errors: tally.samples }).toEqual({ leaks: [], errors: [] });
    expect(tally.get("errors")).toBe(0);
    expect(errorsBeforeRecovery).toBe(0);
    // After recovery (no fault window: any failure is an error) the clients were served.
    expect(tally.get("served") - servedBeforeRecovery).toBeGreaterThanOrEqual(clients.length);
    // Both replicas took traffic; floors prove the run did real work.
    expect(Object.values(await stack.haproxy.servers()).every((server) => server.sessions > 0)).toBe(true);
    expect(tally.get("served")).toBeGreaterThanOrEqual(clients.length * 5);
    expect(tally.get("refused")).toBeGreaterThanOrEqual(clients.length);
    expect(state.rowsChecked).toBeGreaterThanOrEqual(clients.length * 50);
    expect(run.compared()).toBe(5 * clients.length);
    expect(state.lastName.size).toBeGreaterThanOrEqual(clients.length);
  });
});
