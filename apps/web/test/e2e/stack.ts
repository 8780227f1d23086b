import { startTestStack, type TestStackOptions } from "@repo/api/testing";
// Brings in the type of inject("cerbosUrl") that the PDP global setup provides.
import type {} from "@repo/pdp/global-setup";
import { inject } from "vitest";
import { webDist } from "../build-web.ts";

export interface Stack {
  url: string;
  stop: () => Promise<void>;
}

/**
 * The shared test stack (@repo/api/testing) on a freshly seeded SQLite file, serving the built web
 * app at `/`; decision lookup reads the PDP's audit trail with the run's Admin API credentials.
 */
export async function startStack(cerbosUrl: string, options: Pick<TestStackOptions, "oidc"> = {}): Promise<Stack> {
  const auditTrail = { pdpUrls: [cerbosUrl], ...inject("cerbosAdmin") };
  const stack = await startTestStack({ cerbosUrl, logLevel: "warn", webDir: webDist, auditTrail, ...options });
  return { url: stack.url, stop: () => stack.stop() };
}
