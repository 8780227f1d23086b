import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApi } from "@repo/api";
import { rawCall } from "./raw-trpc.ts";

/** Seed users; every one has the demo password. */
export const seedUsernames = ["alice", "john", "sarah", "geri", "ivan", "bruno", "bill", "olga"] as const;
export type SeedUsername = (typeof seedUsernames)[number];
export const demoPassword = "password123";
export const testSecret = "reliability-suite-secret-0123456789abcdef";

export interface ApiStack {
  url: string;
  dbFile: string;
  dir: string;
  stop(): Promise<void>;
}

/** An API on a fresh seeded SQLite file in a temp folder, talking to the given PDP. */
export async function startApiStack(options: {
  cerbosUrl: string;
  pdpTimeoutMs?: number;
  /** Another database (e.g. a throwaway Postgres) instead of the temp SQLite file. */
  databaseUrl?: string;
}): Promise<ApiStack> {
  const dir = mkdtempSync(join(tmpdir(), "reliability-"));
  const dbFile = join(dir, "app.db");
  const api = await startApi({
    port: 0,
    databaseUrl: options.databaseUrl ?? `sqlite:${dbFile}`,
    cerbosUrl: options.cerbosUrl,
    authSecret: testSecret,
    seed: true,
    // The suite reads outcomes, not logs; RELIABILITY_LOG=info shows the API's log lines.
    logLevel: process.env.RELIABILITY_LOG ?? "silent",
    ...(options.pdpTimeoutMs === undefined ? {} : { pdpTimeoutMs: options.pdpTimeoutMs }),
  });
  return {
    url: api.url,
    dbFile,
    dir,
    async stop() {
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Base URL of the server (no `/trpc` suffix), whatever form `startApi` reports. */
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
