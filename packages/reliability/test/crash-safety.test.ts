import { freePort } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiProcess, spawnApi } from "../src/api-process.ts";
import { budget } from "../src/budget.ts";
import { type CrashDatabase, createCrashDatabase } from "../src/crash-database.ts";
import { acknowledgedContact, lostWrites, writeThroughCrashes } from "../src/crash-writes.ts";
import { suiteDialects } from "../src/dialects.ts";
import { report } from "../src/report.ts";
import type { SqliteReader } from "../src/sqlite-reader.ts";
import { testSecret } from "../src/stack.ts";

interface ContactRow {
  id: number;
  lastName: string;
  isActive: number;
}

// kill -9 in the middle of a stream of writes, then start again on the same database: what the
// API acknowledged must be there, the database must be sound (SQLite: the file's integrity check;
// Postgres: no orphan row, no duplicate key, every constraint validated), and start-up must not
// re-run migrations or re-seed.
describe.each(suiteDialects("crash safety"))("crash safety (%s)", (dialect) => {
  let database: CrashDatabase;
  let port: number;
  let current: ApiProcess | undefined;

  beforeAll(async () => {
    database = await createCrashDatabase(dialect);
    port = await freePort();
  });

  afterAll(async () => {
    await current?.stop();
    await database?.stop();
  });

  const start = async () => {
    current = await spawnApi({
      port,
      databaseUrl: database.url,
      cerbosUrl: inject("cerbosUrl"),
      authSecret: testSecret,
    });
    return current;
  };

  it("keeps every acknowledged write across kill -9", async () => {
    const first = await start();
    const db: SqliteReader = await database.open();
    const migrationsQuery = `SELECT "name" FROM "schema_migrations" ORDER BY "name"`;
    const usersQuery = `SELECT CAST(count(*) AS INTEGER) AS "n" FROM "users"`;
    const migrationsBefore = await db.all<{ name: string }>(migrationsQuery);
    const usersBefore = await db.all<{ n: number }>(usersQuery);
    const schemaBefore = await database.schema();

    const ledger = await writeThroughCrashes({ first, rounds: budget.crashRounds, start });
    const { tally } = ledger;

    const rows = await db.all<ContactRow>(`SELECT "id", "lastName", "isActive" FROM "contacts"`);
    const lost = lostWrites(ledger, rows);
    const integrity = await database.integrity();
    const migrationsAfter = await db.all<{ name: string }>(migrationsQuery);
    const usersAfter = await db.all<{ n: number }>(usersQuery);
    const schemaAfter = await database.schema();

    // The restarted API serves the data it had acknowledged.
    const afterRestart = await ledger.api.get(ledger.tokens.john!, acknowledgedContact(ledger));
    report(`crash safety (${dialect})`, {
      crashes: tally.get("crashes"),
      writesAcknowledged: tally.get("acknowledged"),
      refused: tally.get("FORBIDDEN") + tally.get("NOT_FOUND"),
      inFlightAtKill: tally.get("connection-lost"),
      lost: lost.length,
      integrity: integrity.summary,
      integrityChecks: integrity.checks,
      integrityProblems: integrity.problems.length,
    });
    expect(lost).toEqual([]);
    expect(integrity.problems).toEqual([]);
    expect(migrationsAfter).toEqual(migrationsBefore);
    expect(migrationsBefore.length).toBeGreaterThan(0);
    expect(usersAfter).toEqual(usersBefore);
    expect(Number(usersBefore[0]?.n)).toBeGreaterThan(0);
    expect(schemaAfter).toEqual(schemaBefore);
    expect(afterRestart.code).toBeUndefined();
    expect(tally.get("crashes")).toBe(budget.crashRounds);
    expect(tally.get("acknowledged")).toBeGreaterThanOrEqual(8 * budget.crashRounds);
    expect(ledger.created.size).toBeGreaterThanOrEqual(5 * budget.crashRounds);
    if (dialect === "sqlite") expect(integrity.summary).toBe("ok");
    else {
      // The constraint checks covered the keys a crash mid-write could break: not a vacuous pass.
      expect(integrity.foreignKeys).toEqual(
        expect.arrayContaining([
          "contact_tags.contactId → contacts.id",
          "contact_tags.tagId → tags.id",
          "contacts.organizationId → organizations.id",
          "contacts.companyId → companies.id",
          "contacts.ownerId → users.id",
        ]),
      );
      expect(integrity.checks).toBeGreaterThanOrEqual(15);
    }
  });
});
