import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiProcess, spawnApi } from "../src/api-process.ts";
import { budget } from "../src/budget.ts";
import { contactsApi, idOf } from "../src/contacts-api.ts";
import { report } from "../src/report.ts";
import { openSqlite } from "../src/sqlite-reader.ts";
import { loginAll, testSecret } from "../src/stack.ts";
import { seededRandom, sleep, Tally } from "../src/tally.ts";

interface ContactRow {
  id: number;
  lastName: string;
  isActive: number;
}

// kill -9 in the middle of a stream of writes, then start again on the same SQLite file: what the
// API acknowledged must be there, the file must be sound, and start-up must not re-run migrations
// or re-seed.
describe("crash safety", () => {
  let dir: string;
  let dbFile: string;
  let port: number;
  let current: ApiProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "reliability-crash-"));
    dbFile = join(dir, "app.db");
    port = await freePort();
  });

  afterAll(async () => {
    await current?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => {
    current = await spawnApi({
      port,
      databaseUrl: `sqlite:${dbFile}`,
      cerbosUrl: inject("cerbosUrl"),
      authSecret: testSecret,
    });
    return current;
  };

  it("keeps every acknowledged write across kill -9", async () => {
    let proc = await start();
    const tokens = await loginAll(proc.baseUrl, ["john", "sarah"]);
    const api = contactsApi(proc.baseUrl);
    const db = await openSqlite(dbFile, "write");
    const migrationsBefore = await db.all<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    const usersBefore = await db.all<{ n: number }>("SELECT count(*) AS n FROM users");
    const schemaQuery = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
    const schemaBefore = await db.all<{ type: string; name: string; sql: string | null }>(schemaQuery);

    // Per contact: the name of its last acknowledged write, and of a write still in flight at the kill.
    const created = new Map<number, { acked: string; pending?: string }>();
    const deleted = new Set<number>();
    const pendingDeletes = new Set<number>();
    const tally = new Tally();
    let sequence = 0;

    for (let round = 0; round < budget.crashRounds; round++) {
      let writing = true;
      // Each writer touches only contacts it created, one request at a time, so "last acknowledged" is well defined.
      const writer = async (user: "john" | "sarah", seed: number) => {
        const random = seededRandom(seed);
        const mine: number[] = [];
        while (writing) {
          const choice = random();
          const id = mine[Math.floor(random() * mine.length)];
          try {
            if (choice < 0.6 || id === undefined) {
              const lastName = `crash-${round}-${sequence++}`;
              const outcome = await api.create(tokens[user]!, { organizationId: 1, firstName: user, lastName });
              if (outcome.code === undefined) {
                created.set(idOf(outcome), { acked: lastName });
                mine.push(idOf(outcome));
              }
              tally.add(outcome.code ?? "acknowledged");
            } else if (choice < 0.85) {
              const state = created.get(id)!;
              state.pending = `crash-${round}-${sequence++}-updated`;
              const outcome = await api.update(tokens[user]!, id, { lastName: state.pending });
              if (outcome.code === undefined) state.acked = state.pending;
              state.pending = undefined;
              tally.add(outcome.code ?? "acknowledged");
            } else {
              pendingDeletes.add(id);
              const outcome = await api.remove(tokens[user]!, id);
              if (outcome.code === undefined) deleted.add(id);
              pendingDeletes.delete(id);
              mine.splice(mine.indexOf(id), 1);
              tally.add(outcome.code ?? "acknowledged");
            }
          } catch {
            // The connection died with the process: that write was not acknowledged.
            tally.add("connection-lost");
            return;
          }
        }
      };
      const writers = [writer("john", round * 10 + 1), writer("john", round * 10 + 2), writer("sarah", round * 10 + 3)];
      await sleep(1200 + Math.floor(seededRandom(round + 99)() * 1000));
      await proc.kill9();
      writing = false;
      await Promise.all(writers);
      tally.add("crashes");
      proc = await start();
    }

    const rows = await db.all<ContactRow>("SELECT id, lastName, isActive FROM contacts");
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    const lost: string[] = [];
    for (const [id, { acked, pending }] of created) {
      const row = byId.get(id);
      if (deleted.has(id)) {
        if (row) lost.push(`deleted contact ${id} is back`);
      } else if (!row) {
        if (!pendingDeletes.has(id)) lost.push(`created contact ${id} (${acked}) is missing`);
      } else if (row.lastName !== acked && row.lastName !== pending) {
        lost.push(`contact ${id}: acknowledged ${acked}, found ${row.lastName}`);
      }
    }
    const integrity = await db.all<{ integrity_check: string }>("PRAGMA integrity_check");
    const migrationsAfter = await db.all<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    const usersAfter = await db.all<{ n: number }>("SELECT count(*) AS n FROM users");
    const schemaAfter = await db.all<{ type: string; name: string; sql: string | null }>(schemaQuery);
    await db.close();

    // The restarted API serves the data it had acknowledged.
    const afterRestart = await api.get(tokens.john!, [...created.keys()].find((id) => !deleted.has(id)) ?? 1);
    report("crash safety", {
      crashes: tally.get("crashes"),
      writesAcknowledged: tally.get("acknowledged"),
      refused: tally.get("FORBIDDEN") + tally.get("NOT_FOUND"),
      inFlightAtKill: tally.get("connection-lost"),
      lost: lost.length,
      integrity: integrity.map((row) => row.integrity_check).join(","),
    });
    expect(lost).toEqual([]);
    expect(integrity).toEqual([{ integrity_check: "ok" }]);
    expect(migrationsAfter).toEqual(migrationsBefore);
    expect(migrationsBefore.length).toBeGreaterThan(0);
    expect(usersAfter).toEqual(usersBefore);
    expect(schemaAfter).toEqual(schemaBefore);
    expect(afterRestart.code).toBeUndefined();
    expect(tally.get("crashes")).toBe(budget.crashRounds);
    expect(tally.get("acknowledged")).toBeGreaterThanOrEqual(8 * budget.crashRounds);
    expect(created.size).toBeGreaterThanOrEqual(5 * budget.crashRounds);
  });
});
