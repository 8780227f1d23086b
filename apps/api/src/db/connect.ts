import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { QueryTypes, Sequelize, Transaction } from "sequelize";

export type Dialect = "sqlite" | "postgres" | "mariadb";

/** What the API reads SQLite through unless SQLITE_READ_CONNECTIONS says otherwise (README). */
export const defaultSqliteReadConnections = 4;

export interface ConnectOptions {
  /**
   * SQLite: how many connections SELECTs outside a transaction take turns on (default 1). One
   * node-sqlite3 connection runs one statement at a time; in WAL mode readers do not block each
   * other nor the writer, so a list's count and page (and other requests' reads) run side by side
   * on the libuv threads (BENCHMARKS.md, section 4g). Everything else — writes, DDL, PRAGMAs,
   * statements of unknown type — stays on the main connection; transactions keep their own.
   */
  sqliteReadConnections?: number;
}

/**
 * Opens the database named by a URL: `sqlite:/abs/path.db`, `postgres://…` or `mariadb://…`
 * (Sequelize's mariadb dialect with the `mariadb` connector; dates in UTC, `timezone: "+00:00"`).
 * SQLite gets WAL mode, foreign keys, a busy timeout and `sqlitePragmas` on EVERY connection:
 * Sequelize opens a separate connection per transaction, which must wait for (not fail on) a
 * concurrent writer.
 */
export function connectDatabase(databaseUrl: string, options: ConnectOptions = {}): Sequelize {
  if (databaseUrl.startsWith("mariadb://")) {
    return new Sequelize(databaseUrl, { dialect: "mariadb", logging: false, pool: { max: 10 }, timezone: "+00:00" });
  }
  if (!databaseUrl.startsWith("sqlite:")) {
    return new Sequelize(databaseUrl, { dialect: "postgres", logging: false, pool: { max: 10 } });
  }
  const storage = databaseUrl.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
  if (storage !== ":memory:") mkdirSync(dirname(storage), { recursive: true });
  // IMMEDIATE: a transaction takes the write lock when it begins, so a read-then-write
  // transaction waits for a concurrent writer (busy timeout) instead of failing on upgrade.
  const sequelize = new Sequelize({
    dialect: "sqlite",
    storage,
    logging: false,
    transactionType: Transaction.TYPES.IMMEDIATE,
  });
  configureEachSqliteConnection(sequelize, options.sqliteReadConnections ?? 1);
  return sequelize;
}

export function dialectOf(sequelize: Sequelize): Dialect {
  const name = sequelize.getDialect();
  return name === "postgres" || name === "mariadb" ? name : "sqlite";
}

/**
 * Run on every SQLite connection. Measured one by one against SQLite's defaults in
 * BENCHMARKS.md (section 2d, "levers"): reading through a memory map is what makes the page and
 * the exact count cheap once the file outgrows SQLite's 2 MiB page cache (1.6-4.4x at 100k and
 * 1M contacts). A bigger page cache (cache_size -32768) helped only without the map (1.7-2.2x
 * at 100k, but 0.86-0.91x at 1M) and added nothing with it; temp_store = MEMORY changed nothing
 * (0.95-1.02x). Neither is set.
 */
export const sqlitePragmas = [
  "PRAGMA journal_mode = WAL",
  // Read the file through a memory map of up to 1 GiB (default 0: every page is a read() copy
  // into the page cache). Writes still go through write(), so crash safety is unchanged.
  "PRAGMA mmap_size = 1073741824",
] as const;

/**
 * Run once when the main (non-transaction) connection opens, as SQLite recommends for a
 * long-lived connection: ANALYZE every table whose indexes have no statistics yet or whose size
 * changed tenfold (0x10000: check every table; 0x10: with SQLite's analysis limit, so it takes
 * milliseconds, not the seconds a full ANALYZE of a large file takes; 0x2: run ANALYZE).
 */
export const sqliteOptimizeOnOpen = "PRAGMA optimize = 0x10012";

interface SqliteConnection {
  configure(option: "busyTimeout", milliseconds: number): void;
  run(sql: string, callback: (error: Error | null) => void): void;
}

// Sequelize's SQLite connection manager does not run the afterConnect hook, so we wrap it.
// Concurrent first queries get the same connection object while it is still being configured:
// each waits for the configuration, so no query runs before the pragmas.
function configureEachSqliteConnection(sequelize: Sequelize, readConnections: number): void {
  if (!Number.isInteger(readConnections) || readConnections < 1) {
    throw new RangeError(`sqliteReadConnections must be a positive integer, not ${readConnections}`);
  }
  const manager = sequelize.connectionManager;
  const getConnection = manager.getConnection.bind(manager);
  const configured = new WeakMap<object, Promise<void>>();
  let turn = 0;
  manager.getConnection = async (options) => {
    // Sequelize keys its SQLite connections by `uuid` ("default" when unset; a transaction's
    // id for a transaction). A SELECT outside a transaction is given the next reader's name.
    // An in-memory database is one connection whatever the name (Sequelize keys it by inMemory).
    const query = options as { uuid?: string; type?: string } | undefined;
    if (readConnections > 1 && query !== undefined && query.uuid === undefined && query.type === QueryTypes.SELECT) {
      query.uuid = turn === 0 ? "default" : `reader-${turn}`;
      turn = (turn + 1) % readConnections;
    }
    const connection = await getConnection(options);
    let ready = configured.get(connection);
    if (ready === undefined) {
      // Transactions get connections of their own (Sequelize names them by a uuid); not those.
      const uuid = (options as { uuid?: string } | undefined)?.uuid;
      ready = configure(connection as unknown as SqliteConnection, uuid === undefined || uuid === "default");
      configured.set(connection, ready);
    }
    await ready;
    return connection;
  };
}

async function configure(connection: SqliteConnection, main: boolean): Promise<void> {
  connection.configure("busyTimeout", 5000);
  for (const pragma of sqlitePragmas) await runPragma(connection, pragma);
  // Statistics only steer the query planner: a file that cannot be analyzed now (read-only,
  // locked past the busy timeout) still works, so a failure here is not an error.
  if (main) await runPragma(connection, sqliteOptimizeOnOpen).catch(() => undefined);
}

function runPragma(connection: SqliteConnection, sql: string): Promise<void> {
  return new Promise((resolve, reject) => connection.run(sql, (error) => (error ? reject(error) : resolve())));
}
