import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import { afterEach, describe, expect, it } from "vitest";
import { connectDatabase } from "./connect.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), "api-connect-"));
  dirs.push(dir);
  return `sqlite:${join(dir, "app.db")}`;
}

async function pragma(sequelize: Sequelize, name: string, transaction?: Transaction): Promise<unknown> {
  const rows = await sequelize.query<Record<string, unknown>>(`PRAGMA ${name}`, {
    type: QueryTypes.SELECT,
    transaction: transaction ?? null,
  });
  return Object.values(rows[0] ?? {})[0];
}

describe("SQLite connections", () => {
  it("read through a memory map in WAL mode, inside transactions too", async () => {
    const sequelize = connectDatabase(tempUrl());
    try {
      const expected = { mmap_size: 1073741824, journal_mode: "wal" };
      const main = Object.fromEntries(
        await Promise.all(Object.keys(expected).map(async (name) => [name, await pragma(sequelize, name)])),
      );
      expect(main).toEqual(expected);
      const inTransaction = await sequelize.transaction(async (transaction) => {
        const values: Record<string, unknown> = {};
        for (const name of Object.keys(expected)) values[name] = await pragma(sequelize, name, transaction);
        return values;
      });
      expect(inTransaction).toEqual(expected);
    } finally {
      await sequelize.close();
    }
  });

  it("analyze a file without planner statistics when the main connection opens", async () => {
    const url = tempUrl();
    const writer = connectDatabase(url);
    await writer.query(`CREATE TABLE "items" ("id" INTEGER PRIMARY KEY, "group" INTEGER NOT NULL)`);
    await writer.query(`CREATE INDEX "items_group" ON "items" ("group")`);
    await writer.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) INSERT INTO "items" SELECT i, i % 5 FROM n`,
    );
    await writer.close();

    const reader = connectDatabase(url);
    try {
      const stats = await reader.query<{ idx: string; stat: string }>(
        `SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'items'`,
        { type: QueryTypes.SELECT },
      );
      expect(stats).toEqual([{ idx: "items_group", stat: "500 100" }]);
    } finally {
      await reader.close();
    }
  });
});

describe("SQLite read connections", () => {
  const connectionNames = (sequelize: Sequelize) =>
    Object.keys(
      (sequelize.connectionManager as unknown as { connections: Record<string, unknown> }).connections,
    ).sort();
  const count = async (sequelize: Sequelize) =>
    (await sequelize.query<{ n: number }>(`SELECT COUNT(*) AS n FROM "items"`, { type: QueryTypes.SELECT }))[0]!.n;

  it("give SELECTs outside a transaction turns on N connections, each in WAL mode with the memory map; the rest stays on the main one", async () => {
    const sequelize = connectDatabase(tempUrl(), { sqliteReadConnections: 3 });
    try {
      await sequelize.query(`CREATE TABLE "items" ("id" INTEGER PRIMARY KEY)`);
      await sequelize.query(`INSERT INTO "items" VALUES (1), (2)`);
      await sequelize.query("PRAGMA user_version = 7");
      expect(connectionNames(sequelize)).toEqual(["default"]);
      const pragmas = await Promise.all(
        [1, 2, 3].map(async () => [await pragma(sequelize, "journal_mode"), await pragma(sequelize, "mmap_size")]),
      );
      expect(connectionNames(sequelize)).toEqual(["default", "reader-1", "reader-2"]);
      expect(pragmas).toEqual([1, 2, 3].map(() => ["wal", 1073741824]));
      expect(await Promise.all([1, 2, 3, 4, 5, 6].map(() => count(sequelize)))).toEqual([2, 2, 2, 2, 2, 2]);
    } finally {
      await sequelize.close();
    }
  });

  it("see a write on every connection once it is committed, and not before", async () => {
    const sequelize = connectDatabase(tempUrl(), { sqliteReadConnections: 4 });
    try {
      await sequelize.query(`CREATE TABLE "items" ("id" INTEGER PRIMARY KEY)`);
      const everyReader = () => Promise.all([1, 2, 3, 4].map(() => count(sequelize)));
      expect(await everyReader()).toEqual([0, 0, 0, 0]);
      const during = await sequelize.transaction(async (transaction) => {
        await sequelize.query(`INSERT INTO "items" VALUES (1)`, { transaction });
        // The writer holds the write lock: readers are not blocked, and read the committed state.
        return everyReader();
      });
      expect(during).toEqual([0, 0, 0, 0]);
      expect(await everyReader()).toEqual([1, 1, 1, 1]);
    } finally {
      await sequelize.close();
    }
  });

  it("are one connection for an in-memory database, which has no file to share", async () => {
    const sequelize = connectDatabase("sqlite::memory:", { sqliteReadConnections: 4 });
    try {
      await sequelize.query(`CREATE TABLE "items" ("id" INTEGER PRIMARY KEY)`);
      await sequelize.query(`INSERT INTO "items" VALUES (1)`);
      expect(await Promise.all([1, 2, 3, 4].map(() => count(sequelize)))).toEqual([1, 1, 1, 1]);
    } finally {
      await sequelize.close();
    }
  });

  it("must be a positive whole number", () => {
    for (const bad of [0, -1, 1.5]) {
      expect(() => connectDatabase("sqlite::memory:", { sqliteReadConnections: bad })).toThrow(
        `sqliteReadConnections must be a positive integer, not ${bad}`,
      );
    }
  });
});
