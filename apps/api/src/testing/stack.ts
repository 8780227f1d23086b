import { type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import type { SqlReader } from "@repo/testing";
import { QueryTypes } from "sequelize";
import { demoPassword } from "../db/seed.ts";
import { type RunningApi, type StartApiOptions, startApi } from "../server.ts";
import { type ApiClient, testClient } from "./client.ts";
import { createTempDatabase, type Dialect } from "./database.ts";

/** The AUTH_SECRET of every test stack unless one is given (tests forge tokens with it). */
export const testSecret = "test-secret-test-secret-test-secret-0123";

export interface TestStackOptions extends Partial<Omit<StartApiOptions, "databaseUrl" | "cerbosUrl">> {
  /** A fresh database of this dialect (default `sqlite`: a file in a temp folder). */
  dialect?: Dialect;
  /** Postgres only: the admin URL of a running cluster to create the database in (default: a throwaway cluster of its own). */
  postgresUrl?: string;
  /** MariaDB only: the admin URL of a running server to create the database in (default: a throwaway server of its own). */
  mariadbUrl?: string;
  /** An existing database instead of a fresh one (it is not dropped). */
  databaseUrl?: string;
  /** A running PDP (default: one of its own on the shipped policies, stopped by `stop`). */
  cerbosUrl?: string;
}

export type SignedInClient = ApiClient & { token: string };

export interface TestStack {
  /** `http://127.0.0.1:PORT`, the tRPC endpoint is `${url}/trpc`. */
  url: string;
  cerbosUrl: string;
  databaseUrl: string;
  /** The SQLite file of a fresh SQLite database (undefined otherwise). */
  dbFile: string | undefined;
  /** A temp folder that `stop` removes. */
  dir: string;
  api: RunningApi;
  /** Plain SQL on the stack's database (for the oracle in `@repo/testing`); any dialect. */
  sql: SqlReader;
  /** A client without a token. */
  anonymous: ApiClient;
  /** Signs a user in (the demo password unless given) and returns a client carrying the token. */
  as(username: string, password?: string): Promise<SignedInClient>;
  /** Stops the API, then what the stack started (PDP, Postgres cluster, MariaDB server) and removes the temp folder. */
  stop(): Promise<void>;
}

/**
 * PDP + API on a temp database, seeded with the demo data: THE test stack of the repository
 * (api, client, web end-to-end, reliability and bench all start the API through here).
 * Needs no test runner: pass `cerbosUrl`/`postgresUrl` from a vitest global setup to share them.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const { dialect = "sqlite", postgresUrl, mariadbUrl, databaseUrl, cerbosUrl, ...apiOptions } = options;
  const database = await createTempDatabase(
    databaseUrl ? "sqlite" : dialect,
    dialect === "mariadb" ? mariadbUrl : postgresUrl,
  );
  let pdp: Pdp | undefined;
  try {
    if (!cerbosUrl) pdp = await startPdp({ policiesDir: repoPoliciesDir });
    const pdpUrl = cerbosUrl ?? pdp?.httpUrl ?? "";
    const api = await startApi({
      port: 0,
      authSecret: testSecret,
      seed: true,
      logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
      ...apiOptions,
      databaseUrl: databaseUrl ?? database.url,
      cerbosUrl: pdpUrl,
    });
    const anonymous = testClient(api.url);
    // The oracle's SQL quotes identifiers the standard way; MariaDB reads "x" as a string.
    const quoted =
      api.sequelize.getDialect() === "mariadb" ? (text: string) => text.replace(/"(\w+)"/g, "`$1`") : String;
    const sql: SqlReader = {
      all: <Row>(text: string, params: unknown[] = []) =>
        api.sequelize.query(quoted(text), { replacements: params, type: QueryTypes.SELECT }) as Promise<Row[]>,
    };
    return {
      url: api.url,
      cerbosUrl: pdpUrl,
      databaseUrl: databaseUrl ?? database.url,
      dbFile: databaseUrl ? undefined : database.file,
      dir: database.dir,
      api,
      sql,
      anonymous,
      async as(username, password = demoPassword) {
        const { token } = await anonymous.auth.login.mutate({ username, password });
        return Object.assign(testClient(api.url, token), { token });
      },
      async stop() {
        await api.stop();
        await pdp?.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await pdp?.stop();
    await database.drop();
    throw error;
  }
}
