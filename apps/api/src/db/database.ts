import type { Sequelize, Transaction } from "sequelize";
import { type ConnectOptions, connectDatabase, type Dialect, dialectOf } from "./connect.ts";
import { defineModels, type Models } from "./models/index.ts";

export interface Database {
  sequelize: Sequelize;
  models: Models;
  dialect: Dialect;
  /**
   * Runs `work` in a transaction. Every write of the app goes through here (pass the
   * transaction to each query). On SQLite the transactions of this process run one at a time:
   * node-sqlite3 waits for a lock on a libuv thread, so a few writers waiting at once could
   * starve the thread the lock holder needs (a deadlock until the busy timeout).
   */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /**
   * Refreshes the query planner's statistics after a bulk change (migrations, seeding, a bulk
   * load): SQLite `PRAGMA optimize` (tables whose indexes lack statistics or whose size changed
   * tenfold, with SQLite's analysis limit), Postgres `ANALYZE`, MariaDB `ANALYZE TABLE` of every table. Without statistics SQLite takes
   * every indexed equality as highly selective (BENCHMARKS.md, section 2d).
   */
  optimize(): Promise<void>;
}

export function openDatabase(databaseUrl: string, options: ConnectOptions = {}): Database {
  const sequelize = connectDatabase(databaseUrl, options);
  const dialect = dialectOf(sequelize);
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: (transaction: Transaction) => Promise<T>): Promise<T> => {
    const run = queue.then(() => sequelize.transaction(work));
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    sequelize,
    models: defineModels(sequelize),
    dialect,
    transaction: dialect === "sqlite" ? serialized : (work) => sequelize.transaction(work),
    optimize: async () => {
      await sequelize.query(optimizeStatement(sequelize, dialect));
    },
  };
}

function optimizeStatement(sequelize: Sequelize, dialect: Dialect): string {
  if (dialect === "sqlite") return "PRAGMA optimize";
  if (dialect === "postgres") return "ANALYZE";
  const qi = sequelize.getQueryInterface();
  const tables = Object.values(sequelize.models).map((model) => qi.quoteIdentifier(String(model.getTableName())));
  return `ANALYZE TABLE ${[...new Set(tables)].join(", ")}`;
}
