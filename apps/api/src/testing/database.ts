import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMariadb, startPostgres } from "@repo/testing";
import { Sequelize } from "sequelize";

export type Dialect = "sqlite" | "postgres" | "mariadb";

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
 * cluster or MariaDB server at `serverUrl` (an admin URL, e.g. the api project's global
 * setup's), or in a throwaway one of its own when none is given (stopped by `drop`).
 */
export async function createTempDatabase(dialect: Dialect, serverUrl?: string): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "api-stack-"));
  const removeDir = async () => rmSync(dir, { recursive: true, force: true });
  if (dialect === "sqlite") {
    const file = join(dir, "app.db");
    return { url: `sqlite:${file}`, file, dir, drop: removeDir };
  }
  const name = `api_${process.pid}_${Date.now()}_${counter++}`;
  if (dialect === "mariadb") return createMariadbDatabase(name, dir, removeDir, serverUrl);
  const postgresUrl = serverUrl;
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

/** A new database on the MariaDB server at `serverUrl` (its default collation), or on a throwaway server. */
async function createMariadbDatabase(
  name: string,
  dir: string,
  removeDir: () => Promise<void>,
  serverUrl: string | undefined,
): Promise<TempDatabase> {
  if (!serverUrl) {
    const server = await startMariadb();
    const url = await server.createDatabase(name);
    const drop = async () => {
      await server.stop();
      await removeDir();
    };
    return { url, file: undefined, dir, drop };
  }
  const admin = new Sequelize(serverUrl, { dialect: "mariadb", logging: false });
  try {
    await admin.query(`CREATE DATABASE \`${name}\``);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), file: undefined, dir, drop: removeDir };
}
