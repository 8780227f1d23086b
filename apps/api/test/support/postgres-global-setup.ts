import { findPostgresBinDir, postgresRequired, startPostgres } from "@repo/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of a throwaway Postgres cluster, or "" when Postgres is not available here. */
    postgresUrl: string;
  }
}

/**
 * One throwaway Postgres cluster for the api project; each suite creates its own database in
 * it. Without binaries the Postgres suites skip loudly, except in CI where they must run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findPostgresBinDir() && !postgresRequired()) {
    console.warn("\n*** PostgreSQL binaries not found: the api Postgres suites are SKIPPED (they run in CI) ***\n");
    project.provide("postgresUrl", "");
    return undefined;
  }
  const postgres = await startPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}
