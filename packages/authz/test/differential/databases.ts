import {
  findMariadbBinaries,
  findPostgresBinDir,
  mariadbRequired,
  postgresRequired,
  startMariadb,
  startPostgres,
} from "@repo/testing";
import { Sequelize } from "sequelize";

export type Dialect = "sqlite" | "postgres" | "mariadb";

export interface DifferentialDatabase {
  sequelize: Sequelize;
  close(): Promise<void>;
}

export async function openSqlite(): Promise<DifferentialDatabase> {
  const sequelize = new Sequelize({ dialect: "sqlite", storage: ":memory:", logging: false });
  return { sequelize, close: () => sequelize.close() };
}

export async function openPostgres(): Promise<DifferentialDatabase> {
  const cluster = await startPostgres();
  try {
    const url = await cluster.createDatabase(`authz_diff_${process.pid}`);
    const sequelize = new Sequelize(url, { logging: false, dialect: "postgres" });
    return {
      sequelize,
      async close() {
        await sequelize.close();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

/**
 * Whether the Postgres suite runs: always with CI=true (a missing Postgres then fails in
 * beforeAll), otherwise only when the server binaries are installed, with a loud warning if not.
 */
export function postgresSuiteRuns(): boolean {
  if (postgresRequired() || findPostgresBinDir() !== undefined) return true;
  console.warn(
    "\n!!! @repo/authz differential suite on PostgreSQL SKIPPED: initdb/pg_ctl not found. " +
      "Install `postgresql` (apt-get install -y postgresql) or set PG_BIN_DIR. In CI (CI=true) this is a failure.\n",
  );
  return false;
}

/**
 * A throwaway MariaDB server and a database on its default collation (utf8mb4_general_ci:
 * case-insensitive, PAD SPACE): every string column of the suite's tables gets it, the trap the
 * translation must not fall into.
 */
export async function openMariadb(): Promise<DifferentialDatabase> {
  const server = await startMariadb();
  try {
    const url = await server.createDatabase(`authz_diff_${process.pid}`);
    const sequelize = new Sequelize(url, { logging: false, dialect: "mariadb" });
    return {
      sequelize,
      async close() {
        await sequelize.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Whether the MariaDB suite runs: always with CI=true, otherwise when mariadbd is installed (loudly skipped if not). */
export function mariadbSuiteRuns(): boolean {
  if (mariadbRequired() || findMariadbBinaries() !== undefined) return true;
  console.warn(
    "\n!!! @repo/authz differential suite on MariaDB SKIPPED: mariadbd not found. " +
      "Install `mariadb-server` (apt-get install -y mariadb-server) or set MARIADB_BIN_DIR. In CI (CI=true) this is a failure.\n",
  );
  return false;
}
