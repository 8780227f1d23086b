import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Sequelize, Transaction } from "sequelize";

export type Dialect = "sqlite" | "postgres";

/**
 * Opens the database named by a URL: `sqlite:/abs/path.db` or `postgres://…`.
 * SQLite gets WAL mode, foreign keys, and a busy timeout on EVERY connection: Sequelize opens a
 * separate connection per transaction, which must wait for (not fail on) a concurrent writer.
 */
export function connectDatabase(databaseUrl: string): Sequelize {
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
  configureEachSqliteConnection(sequelize);
  return sequelize;
}

export function dialectOf(sequelize: Sequelize): Dialect {
  return sequelize.getDialect() === "postgres" ? "postgres" : "sqlite";
}

interface SqliteConnection {
  configure(option: "busyTimeout", milliseconds: number): void;
  run(sql: string, callback: (error: Error | null) => void): void;
}

// Sequelize's SQLite connection manager does not run the afterConnect hook, so we wrap it.
function configureEachSqliteConnection(sequelize: Sequelize): void {
  const manager = sequelize.connectionManager;
  const getConnection = manager.getConnection.bind(manager);
  const configured = new WeakSet<object>();
  manager.getConnection = async (options) => {
    const connection = await getConnection(options);
    if (!configured.has(connection)) {
      configured.add(connection);
      const sqlite = connection as unknown as SqliteConnection;
      sqlite.configure("busyTimeout", 5000);
      await runPragma(sqlite, "PRAGMA journal_mode = WAL");
    }
    return connection;
  };
}

function runPragma(connection: SqliteConnection, sql: string): Promise<void> {
  return new Promise((resolve, reject) => connection.run(sql, (error) => (error ? reject(error) : resolve())));
}
