import { findPostgresBinDir, postgresRequired } from "@repo/testing";
import type { SuiteDialect } from "./stack.ts";

/** Postgres runs where its binaries are installed, and must in CI (`postgresRequired`: a missing one fails there). */
export const postgresAvailable = findPostgresBinDir() !== undefined || postgresRequired();

/**
 * The dialects a scenario runs on: SQLite always, Postgres when available (on a throwaway
 * cluster of the scenario's own). Without Postgres the skip is said loudly, as
 * test/postgres-input.test.ts does.
 */
export function suiteDialects(scenario: string): SuiteDialect[] {
  if (postgresAvailable) return ["sqlite", "postgres"];
  console.warn(`\n*** PostgreSQL binaries not found: ${scenario} on Postgres SKIPPED (it runs in CI) ***\n`);
  return ["sqlite"];
}
