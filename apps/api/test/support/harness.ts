import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {} from "@repo/pdp/global-setup";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { Sequelize } from "sequelize";
import { inject } from "vitest";
import { type AppRouter, demoPassword, type RunningApi, type StartApiOptions, startApi } from "../../src/index.ts";

export type Dialect = "sqlite" | "postgres";

const postgresUrl = inject("postgresUrl");

/** The dialects the integration suites run on: SQLite always, Postgres when a cluster is up. */
export const dialects: Dialect[] = postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];

export const testSecret = "test-secret-test-secret-test-secret-0123";

export type ApiClient = ReturnType<typeof clientFor>;

export function clientFor(url: string, token?: string | (() => string | undefined)) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        headers: () => {
          const value = typeof token === "function" ? token() : token;
          return value ? { authorization: value.includes(" ") ? value : `Bearer ${value}` } : {};
        },
      }),
    ],
  });
}

let databaseCounter = 0;

async function createDatabase(dialect: Dialect): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "api-test-"));
    return { url: `sqlite:${join(dir, "app.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `api_${process.pid}_${Date.now()}_${databaseCounter++}`;
  const admin = new Sequelize(postgresUrl, { dialect: "postgres", logging: false });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => undefined };
}

export interface TestApi {
  api: RunningApi;
  url: string;
  /** A client without a token. */
  anonymous: ApiClient;
  /** Signs in a demo user (password123) and returns a client carrying the token. */
  as(username: string): Promise<ApiClient & { token: string }>;
  stop(): Promise<void>;
}

/** A seeded API on a fresh database of the given dialect, talking to the given PDP. */
export async function startTestApi(dialect: Dialect, overrides: Partial<StartApiOptions> = {}): Promise<TestApi> {
  const database = await createDatabase(dialect);
  const api = await startApi({
    databaseUrl: database.url,
    cerbosUrl: inject("cerbosUrl"),
    authSecret: testSecret,
    seed: true,
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
    ...overrides,
  });
  const anonymous = clientFor(api.url);
  return {
    api,
    url: api.url,
    anonymous,
    async as(username) {
      const { token } = await anonymous.auth.login.mutate({ username, password: demoPassword });
      return Object.assign(clientFor(api.url, token), { token });
    },
    async stop() {
      await api.stop();
      await database.drop();
    },
  };
}

export interface CaughtError {
  code: string | undefined;
  httpStatus: number | undefined;
  message: string;
  cerbosCallId: string | undefined;
  zodIssues: unknown[] | undefined;
}

/** The tRPC error a call fails with (fails the test if the call succeeds). */
export async function errorOf(call: Promise<unknown>): Promise<CaughtError> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = (error as TRPCClientError<AppRouter>).data;
    return {
      code: data?.code,
      httpStatus: data?.httpStatus,
      message: error.message,
      cerbosCallId: data?.cerbosCallId,
      zodIssues: data?.zodIssues,
    };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
