import { findMariadbBinaries, mariadbRequired, startMariadb } from "@repo/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of a throwaway MariaDB server, or "" when MariaDB is not available here. */
    mariadbUrl: string;
  }
}

/**
 * One throwaway MariaDB server for the api project (the suites in test/support/stack.ts's
 * `dialectsWithMariadb`); each suite creates its own database on it. Without binaries those
 * suites skip MariaDB loudly, except in CI where they must run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!findMariadbBinaries() && !mariadbRequired()) {
    console.warn("\n*** MariaDB binaries not found: the api MariaDB suites are SKIPPED (they run in CI) ***\n");
    project.provide("mariadbUrl", "");
    return undefined;
  }
  const mariadb = await startMariadb();
  project.provide("mariadbUrl", mariadb.url);
  return () => mariadb.stop();
}
