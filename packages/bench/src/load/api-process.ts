/**
 * The API in its own process (so the load client does not share its event loop), started by
 * `startApiProcess`. Reads its settings from the environment, reports its URL over IPC and
 * stops on SIGTERM or when the parent disconnects.
 */
import { startTestStack } from "@repo/api/testing";

// tsx turns source maps on; BENCH_SOURCE_MAPS=off (the endpoint runner's --no-source-maps) measures the API without them.
if (process.env.BENCH_SOURCE_MAPS === "off") process.setSourceMapsEnabled(false);

// The shared stack of @repo/api/testing on the benchmark's generated database (not seeded).
const api = await startTestStack({
  databaseUrl: required("BENCH_DATABASE_URL"),
  cerbosUrl: required("BENCH_CERBOS_URL"),
  authSecret: required("BENCH_AUTH_SECRET"),
  seed: false,
  logLevel: process.env.BENCH_LOG_LEVEL ?? "info",
  pdpTimeoutMs: 10_000,
  // LIST_VERIFY as the API's config reads it: "check" adds one batched CheckResources per page.
  listVerify: process.env.BENCH_LIST_VERIFY === "check" ? "check" : "off",
  // PLAN_CACHE_MS as the API's config reads it (0: off, the default).
  planCacheMs: Number(process.env.BENCH_PLAN_CACHE_MS ?? 0),
  // SQLITE_READ_CONNECTIONS as the API's config reads it (unset: the API's default).
  ...(process.env.BENCH_SQLITE_READ_CONNECTIONS
    ? { sqliteReadConnections: Number(process.env.BENCH_SQLITE_READ_CONNECTIONS) }
    : {}),
});
process.send?.({ url: api.url });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  api.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("disconnect", stop);

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
