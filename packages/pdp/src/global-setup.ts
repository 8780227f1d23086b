import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoPoliciesDir } from "./paths.ts";
import { startPdp } from "./start.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** HTTP URL of the PDP that serves the repository's policies for this test run. */
    cerbosUrl: string;
    /** The same PDP's gRPC API, as `grpc://127.0.0.1:port` (the API's CERBOS_URL form). */
    cerbosGrpcUrl: string;
    /** The Admin API credentials of that PDP (its decisions can be looked up by call id). */
    cerbosAdmin: { username: string; password: string };
  }
}

/**
 * Vitest global setup: one PDP with the shipped policies for a whole test project, its Admin
 * API on with credentials made for this run and decisions in a local audit store of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const auditStorePath = mkdtempSync(join(tmpdir(), "pdp-audit-"));
  const admin = { username: "repo-tests", password: randomBytes(18).toString("base64url") };
  const pdp = await startPdp({
    policiesDir: repoPoliciesDir,
    celErrorLogLevel: "none",
    adminApi: { ...admin, auditStorePath },
  });
  project.provide("cerbosUrl", pdp.httpUrl);
  project.provide("cerbosGrpcUrl", `grpc://${pdp.grpcUrl}`);
  project.provide("cerbosAdmin", admin);
  return async () => {
    await pdp.stop();
    rmSync(auditStorePath, { recursive: true, force: true });
  };
}
