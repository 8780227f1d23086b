import { findPostgresBinDir, postgresRequired, startPostgres } from "@repo/testing";
import { Sequelize } from "sequelize";

export type Dialect = "sqlite" | "postgres";

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
