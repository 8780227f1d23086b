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
