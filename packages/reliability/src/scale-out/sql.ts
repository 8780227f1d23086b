import type { SqlReader } from "@repo/testing";
import { Sequelize } from "sequelize";

/**
 * Plain SQL on the replicas' Postgres database over a connection of the suite's own (not the
 * API's code): what the shared oracle (@repo/testing) reads rows with, and what the scenarios
 * change rows behind the API's back with.
 */
export interface SqlConnection extends SqlReader {
  close(): Promise<void>;
}

export function connectSql(databaseUrl: string): SqlConnection {
  const sequelize = new Sequelize(databaseUrl, { dialect: "postgres", logging: false, pool: { max: 4 } });
  return {
    all: async <Row>(sql: string, params: unknown[] = []) => {
      const [rows] = await sequelize.query(sql, { replacements: params });
      return rows as Row[];
    },
    close: () => sequelize.close(),
  };
}
