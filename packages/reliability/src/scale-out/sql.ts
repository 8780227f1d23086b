import { isDatabaseUnavailable } from "@repo/api/testing";
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

/** The driver's error code (Postgres SQLSTATE or a socket error), kept by Sequelize on `parent`. */
function errorCode(error: Error): string {
  const parent = (error as { parent?: { code?: unknown } }).parent;
  return typeof parent?.code === "string" ? parent.code : "";
}

/**
 * Sequelize replaces a query error's stack with one whose first line is a bare "Error:", so a
 * test report would not say what went wrong: the error rethrown names it.
 */
function described(error: unknown, sql: string): unknown {
  if (!(error instanceof Error)) return error;
  const code = errorCode(error);
  return new Error(`${error.name}: ${error.message}${code ? ` (${code})` : ""} — in ${sql.slice(0, 120)}`, {
    cause: error,
  });
}

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
          // The database is restarting (a scenario's fault), not a wrong query: wait for it, by the
          // test the API answers SERVICE_UNAVAILABLE by (ECONNRESET and "not queryable" too).
          if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw described(error, sql);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    },
    close: () => sequelize.close(),
  };
}
