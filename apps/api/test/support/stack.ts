import type {} from "@repo/pdp/global-setup";
import { inject } from "vitest";
import { type Dialect, startTestStack, type TestStack, type TestStackOptions } from "../../src/testing/index.ts";

const postgresUrl = inject("postgresUrl");

/** The dialects the integration suites run on: SQLite always, Postgres when a cluster is up. */
export const dialects: Dialect[] = postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];

/** The shared test stack on the project's PDP and Postgres cluster (the global setups'). */
export function stackOn(dialect: Dialect, options: TestStackOptions = {}): Promise<TestStack> {
  return startTestStack({ dialect, postgresUrl, cerbosUrl: inject("cerbosUrl"), ...options });
}
