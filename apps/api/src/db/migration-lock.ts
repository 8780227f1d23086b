import { QueryTypes, type Sequelize } from "sequelize";
import sqlite3 from "sqlite3";

/**
 * umzug has no lock: API replicas starting at once on one database would each run the pending
 * migrations (and seed) and fail on each other's tables. Every migration run holds this lock:
 * - Postgres: `pg_advisory_xact_lock` in a transaction of its own (its connection is pinned
 *   for the whole run; the migrations run on other pooled connections), released at commit,
 *   or by the server when the process dies.
 * - MariaDB: `GET_LOCK` on that transaction's connection, `RELEASE_LOCK` before commit.
 * - SQLite: `BEGIN EXCLUSIVE` on a lock file beside the database (`<file>.migrate-lock`, a tiny
 *   SQLite file kept in place), through a connection of its own: an exclusive lock on the
 *   database itself would block the migrations. The OS drops the lock when the process dies.
 */
export async function withMigrationLock<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  const dialect = sequelize.getDialect();
  if (dialect === "postgres") {
    return sequelize.transaction(async (transaction) => {
      await sequelize.query("SELECT pg_advisory_xact_lock(:key)", { replacements: { key: lockKey }, transaction });
      return work();
    });
  }
  if (dialect === "mariadb" || dialect === "mysql") {
    return sequelize.transaction(async (transaction) => {
      // Wait as long as it takes (another replica is migrating), in rounds of 60 s: GET_LOCK
      // answers 0 when a round times out and NULL on an error (MariaDB 10.11 answers NULL at once
      // to a -1 timeout while the lock is held: both replicas migrated); work only once it is 1.
      for (;;) {
        const [row] = await sequelize.query<{ held: number | string | null }>("SELECT GET_LOCK(:name, 60) AS held", {
          replacements: { name: lockName },
          transaction,
          type: QueryTypes.SELECT,
        });
        if (row?.held === null || row?.held === undefined)
          throw new Error("GET_LOCK failed: the migration lock was not taken");
        if (Number(row.held) === 1) break;
      }
      try {
        return await work();
      } finally {
        await sequelize.query("SELECT RELEASE_LOCK(:name)", { replacements: { name: lockName }, transaction });
      }
    });
  }
  if (dialect === "sqlite") {
    // Sequelize keeps its constructor options (the SQLite file among them) untyped at run time.
    const storage = (sequelize as unknown as { options: { storage?: string } }).options.storage;
    if (storage === undefined || storage === ":memory:" || storage === "") return work();
    return withSqliteLockFile(`${storage}.migrate-lock`, work);
  }
  throw new Error(`no migration lock for the ${dialect} dialect`);
}

/** One number for every replica of this API (pg advisory locks are keyed by a bigint). */
const lockKey = 7_317_001_170;
const lockName = "repo-api:migrations";

async function withSqliteLockFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
  const exec = (sql: string) =>
    new Promise<void>((done, fail) => lock.exec(sql, (error) => (error ? fail(error) : done())));
  try {
    // A writer waits for the lock holder up to the busy timeout; migrations take far less.
    lock.configure("busyTimeout", 120_000);
    await exec("BEGIN EXCLUSIVE");
    try {
      return await work();
    } finally {
      await exec("COMMIT");
    }
  } finally {
    await new Promise<void>((done) => lock.close(() => done()));
  }
}
