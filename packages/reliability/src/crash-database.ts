import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "@repo/testing";
import { checkPostgresConstraints, postgresSchema } from "./postgres-integrity.ts";
import { connectSql } from "./scale-out/sql.ts";
import { openSqlite, type SqliteReader } from "./sqlite-reader.ts";
import type { SuiteDialect } from "./stack.ts";

/**
 * The crash-safety scenario's database, read over a connection of the suite's own (never the
 * API's code): a SQLite file in a temp folder, or a database in a throwaway Postgres cluster.
 */
export interface CrashDatabase {
  /** The DATABASE_URL of the API processes (the same one after every restart). */
  url: string;
  /** Opens the reader once the API has created the database (SQLite: the file exists after the first start). */
  open(): Promise<SqliteReader>;
  /** The schema as the database's catalog lists it (`sqlite_master`; Postgres: columns, constraints, indexes). */
  schema(): Promise<unknown>;
  /** Whether the stored rows are sound: the names of the checks run and the problems found (none when intact). */
  integrity(): Promise<{ summary: string; checks: number; problems: string[]; foreignKeys: string[] }>;
  stop(): Promise<void>;
}

export async function createCrashDatabase(dialect: SuiteDialect): Promise<CrashDatabase> {
  let reader: SqliteReader | undefined;
  const db = () => {
    if (!reader) throw new Error("the crash database is not open yet");
    return reader;
  };
  if (dialect === "postgres") {
    const cluster = await startPostgres();
    const url = await cluster.createDatabase("reliability_crash");
    return {
      url,
      open: async () => {
        reader = connectSql(url);
        return reader;
      },
      schema: () => postgresSchema(db()),
      async integrity() {
        const check = await checkPostgresConstraints(db());
        return { ...check, summary: check.problems.length === 0 ? "constraints intact" : "constraints broken" };
      },
      async stop() {
        await reader?.close();
        await cluster.stop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "reliability-crash-"));
  const file = join(dir, "app.db");
  return {
    url: `sqlite:${file}`,
    open: async () => {
      reader = await openSqlite(file, "write");
      return reader;
    },
    schema: () => db().all("SELECT type, name, sql FROM sqlite_master ORDER BY type, name"),
    async integrity() {
      const rows = await db().all<{ integrity_check: string }>("PRAGMA integrity_check");
      const summary = rows.map((row) => row.integrity_check).join(",");
      // Every row whose foreign key points at no row (Sequelize turns foreign keys on for SQLite).
      const orphans = await db().all<{ table: string; parent: string; rowid: number }>("PRAGMA foreign_key_check");
      const problems = [
        ...(summary === "ok" ? [] : [summary]),
        ...orphans.map((row) => `${row.table} row ${row.rowid} points at no ${row.parent} row`),
      ];
      return { summary, checks: 2, problems, foreignKeys: [] };
    },
    async stop() {
      await reader?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
