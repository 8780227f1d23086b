import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres } from "@repo/testing";
import { Sequelize } from "sequelize";

export type Dialect = "sqlite" | "postgres";

export interface TempDatabase {
  url: string;
  /** The SQLite file (SQLite only). */
  file: string | undefined;
  /** A temp folder of the stack's own (the SQLite file lives here). */
  dir: string;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A fresh, empty database: a SQLite file in a temp folder, or a new database in the Postgres
 * cluster at `postgresUrl` (an admin URL, e.g. the api project's global setup's), or in a
 * throwaway cluster of its own when none is given (stopped by `drop`).
 */
export async function createTempDatabase(dialect: Dialect, postgresUrl?: string): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "api-stack-"));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (dialect === "sqlite") {
    const file = join(dir, "app.db");
    return { url: `sqlite:${file}`, file, dir, drop: removeDir };
  }
  const name = `api_${process.pid}_${Date.now()}_${counter++}`;
  if (!postgresUrl) {
    const cluster = await startPostgres();
    const url = await cluster.createDatabase(name);
    const drop = async () => {
      await cluster.stop();
      await removeDir();
    };
    return { url, file: undefined, dir, drop };
  }
  const admin = new Sequelize(postgresUrl, { dialect: "postgres", logging: false });
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  // The cluster is throwaway: the database goes with it (dropping each one would cost CI time).
  return { url: url.toString(), file: undefined, dir, drop: removeDir };
}
