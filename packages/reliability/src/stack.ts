import { demoPassword, type SeedUsername, seedUsernames, startTestStack, testSecret } from "@repo/api/testing";
import type { SqlReader } from "@repo/testing";
import { rawCall } from "./raw-trpc.ts";

// One definition of the seed data and the test secret: the API's (@repo/api/testing).
export { demoPassword, type SeedUsername, seedUsernames, testSecret };

/** The databases the suite runs its scenarios on. */
export type SuiteDialect = "sqlite" | "postgres";

export interface ApiStack {
  url: string;
  /** The SQLite file the API writes (read directly by the suite with src/sqlite-reader.ts); "" on Postgres. */
  dbFile: string;
  /** Plain SQL on the stack's database, any dialect (identifiers double-quoted: `"contacts"."firstName"`). */
  sql: SqlReader;
  dir: string;
  stop(): Promise<void>;
}

/**
 * The shared test stack (@repo/api/testing): an API on a fresh seeded database, talking to the
 * given PDP. `dialect: "postgres"` starts a throwaway Postgres cluster of the stack's own (never a
 * shared one), stopped by `stop`.
 */
export async function startApiStack(options: {
  cerbosUrl: string;
  pdpTimeoutMs?: number;
  /** A fresh database of this dialect (default `sqlite`: a temp file). */
  dialect?: SuiteDialect;
  /** Another database (e.g. a throwaway Postgres) instead of a fresh one. */
  databaseUrl?: string;
}): Promise<ApiStack> {
  const stack = await startTestStack({
    cerbosUrl: options.cerbosUrl,
    dialect: options.dialect ?? "sqlite",
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    ...(options.pdpTimeoutMs === undefined ? {} : { pdpTimeoutMs: options.pdpTimeoutMs }),
    // The suite reads outcomes, not logs; RELIABILITY_LOG=info shows the API's log lines.
    logLevel: process.env.RELIABILITY_LOG ?? "silent",
  });
  return { url: stack.url, dbFile: stack.dbFile ?? "", sql: stack.sql, dir: stack.dir, stop: () => stack.stop() };
}

/** Base URL of the server (no `/trpc` suffix), whatever form the stack reports. */
export function serverBase(url: string): string {
  return url.replace(/\/trpc\/?$/, "").replace(/\/$/, "");
}

export async function login(baseUrl: string, username: string, password = demoPassword): Promise<string> {
  const outcome = await rawCall({ baseUrl, procedure: "auth.login", kind: "mutation", input: { username, password } });
  const token = tokenOf(outcome.data);
  if (!token) throw new Error(`login of ${username} failed: ${JSON.stringify(outcome.body)}`);
  return token;
}

function tokenOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("token" in data)) return undefined;
  return typeof data.token === "string" ? data.token : undefined;
}

/** Tokens issued up front for the given users (one login each: the failed-login limiter never sees them). */
export async function loginAll(baseUrl: string, users: readonly string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {};
  for (const user of users) tokens[user] = await login(baseUrl, user);
  return tokens;
}
