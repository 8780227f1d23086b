import type { TestProject } from "vitest/node";
import { repoPoliciesDir } from "./paths.ts";
import { startPdp } from "./start.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** HTTP URL of the PDP that serves the repository's policies for this test run. */
    cerbosUrl: string;
  }
}

/** Vitest global setup: one PDP with the shipped policies for a whole test project. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pdp = await startPdp({ policiesDir: repoPoliciesDir, celErrorLogLevel: "none" });
  project.provide("cerbosUrl", pdp.httpUrl);
  return () => pdp.stop();
}
