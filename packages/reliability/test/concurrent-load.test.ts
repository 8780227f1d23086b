import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budget } from "../src/budget.ts";
import { type ContactsApi, contactsApi } from "../src/contacts-api.ts";
import { type LoadClient, prepareClients, seedClients, seedContacts } from "../src/load/clients.ts";
import { loadRun } from "../src/load/run.ts";
import { insertUsers, loadUsers } from "../src/load-users.ts";
import { createOracle, type Oracle } from "../src/oracle.ts";
import { report } from "../src/report.ts";
import { openSqlite, type SqliteReader } from "../src/sqlite-reader.ts";
import { type ApiStack, serverBase, startApiStack } from "../src/stack.ts";

// N users hammer the API at once. Every row any of them is shown is re-checked with the PDP
// (a row they may not read is a leak), quiet phases compare whole lists with what they may read,
// and every acknowledged write must be in the database afterwards (src/load/: the same run
// drives the replicas behind haproxy in test/scale-out.test.ts).
describe("concurrent load with a leak oracle", () => {
  let stack: ApiStack;
  let api: ContactsApi;
  let db: SqliteReader;
  let oracle: Oracle;
  let clients: LoadClient[];
  let knownIds: number[];

  beforeAll(async () => {
    stack = await startApiStack({ cerbosUrl: inject("cerbosUrl") });
    const base = serverBase(stack.url);
    api = contactsApi(base);
    const extra = loadUsers(Math.max(0, budget.loadClients - seedClients.length));
    const writer = await openSqlite(stack.dbFile, "write");
    await insertUsers(writer, extra).finally(() => writer.close());
    const users = [...seedClients, ...extra.map((user) => user.id)].slice(0, budget.loadClients);
    db = await openSqlite(stack.dbFile);
    oracle = createOracle(inject("cerbosUrl"));
    clients = await prepareClients(base, db, users);
    knownIds = await seedContacts(api, clients[0]!.token);
  });

  afterAll(async () => {
    await db?.close();
    await stack?.stop();
  });

  it(`${budget.loadClients} clients for ${budget.loadDurationMs / 1000} s: no leak, nothing missing, no lost write`, async () => {
    const run = loadRun({ baseUrl: serverBase(stack.url), api, db, oracle, clients, knownIds });
    const { tally } = run.state;
    const bursts = Math.max(1, Math.round(budget.loadDurationMs / budget.loadBurstMs));
    let lostTotal = 0;
    for (let burst = 0; burst < bursts; burst++) {
      await run.burst(budget.loadBurstMs);
      // Quiet phase: nothing writes. Each user's whole list must be exactly what they may read.
      const { mismatches, lost } = await run.quiet(burst);
      lostTotal += lost.length;
      expect(mismatches).toEqual([]);
      expect(lost).toEqual([]);
    }
    const { state } = run;
    report("concurrent load", {
      clients: clients.length,
      requests: tally.get("requests"),
      served: tally.get("served"),
      refused: tally.get("refused"),
      errors: tally.get("errors"),
      conflicts: tally.get("conflicts"),
      leaked: state.leaks.length,
      lost: lostTotal,
      rowsChecked: state.rowsChecked,
      raced: state.raced,
      listsCompared: run.compared(),
      writesAcknowledged: state.lastName.size + state.deleted.size,
      meanApiMs: Math.round(state.apiMs / Math.max(1, tally.get("requests"))),
      meanOracleMsPerCheck: Math.round(state.oracleMs / Math.max(1, tally.get("served"))),
    });
    expect(state.leaks).toEqual([]);
    expect(tally.samples).toEqual([]);
    expect(tally.get("errors")).toBe(0);
    // Floors, not speed: they prove the run did real work even on a busy two-core machine.
    expect(tally.get("served")).toBeGreaterThanOrEqual(budget.loadClients * 5);
    expect(tally.get("refused")).toBeGreaterThanOrEqual(budget.loadClients);
    expect(state.rowsChecked).toBeGreaterThanOrEqual(budget.loadClients * 50);
    expect(run.compared()).toBe(bursts * clients.length);
    expect(state.lastName.size).toBeGreaterThanOrEqual(budget.loadClients);
  });
});
