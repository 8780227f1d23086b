import type {} from "@repo/pdp/global-setup";
import { inject } from "vitest";
import { type Dialect, startTestStack, type TestStack, type TestStackOptions } from "../../src/testing/index.ts";

const postgresUrl = inject("postgresUrl");
const mariadbUrl = inject("mariadbUrl");

/** The dialects the integration suites run on: SQLite always, Postgres when a cluster is up. */
export const dialects: Dialect[] = postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];

/**
 * The representative suites that also run on MariaDB (when a server is up): lists against
 * per-row CheckResources, tenancy, notes, the login limiter and migrations under their lock. The others are dialect-agnostic
 * beyond what these cover, and running all of them a third time would cost minutes of CI.
 */
export const dialectsWithMariadb: Dialect[] = mariadbUrl ? [...dialects, "mariadb"] : dialects;

/** The shared test stack on the project's PDP and Postgres cluster (the global setups'). */
export function stackOn(dialect: Dialect, options: TestStackOptions = {}): Promise<TestStack> {
  return startTestStack({ dialect, postgresUrl, mariadbUrl, cerbosUrl: inject("cerbosUrl"), ...options });
}
