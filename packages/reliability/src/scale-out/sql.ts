import type { SqlReader } from "@repo/testing";
import { Sequelize } from "sequelize";

/**
 * Plain SQL on the replicas' Postgres database over a connection of the suite's own (not the
 * API's code): what the shared oracle (@repo/testing) reads rows with, and what the scenarios
 * change rows behind the API's back with. While Postgres restarts, a statement is retried (for
 * up to `waitMs`) until it is back.
 */
export interface SqlConnection extends SqlReader {
  close(): Promise<void>;
}

/** The database is restarting (a scenario's fault), not a wrong query: the oracle waits for it. */
const restarting = (error: unknown) =>
  error instanceof Error &&
  (error.name.startsWith("SequelizeConnection") ||
    /terminating connection|Connection terminated|ECONNREFUSED|starting up|shutting down/i.test(error.message));

export function connectSql(databaseUrl: string, waitMs = 30_000): SqlConnection {
  const sequelize = new Sequelize(databaseUrl, { dialect: "postgres", logging: false, pool: { max: 4 } });
  return {
    all: async <Row>(sql: string, params: unknown[] = []) => {
      const deadline = Date.now() + waitMs;
      for (;;) {
        try {
          const [rows] = await sequelize.query(sql, { replacements: params });
          return rows as Row[];
        } catch (error) {
          if (!restarting(error) || Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    close: () => sequelize.close(),
  };
}
