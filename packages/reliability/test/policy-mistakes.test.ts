import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnApi } from "../src/api-process.ts";
import { testSecret } from "../src/stack.ts";

// A PDP that lacks the policy of a resource kind the API uses would deny every request of that
// kind with no hint why. The API process must refuse to start instead, naming what is missing.
// (A broken policy edit keeping the last good set is proven in packages/pdp/test/watch.test.ts.)
describe("policy mistakes", () => {
  let policiesDir: string;
  let dataDir: string;
  let pdp: Pdp;

  beforeAll(async () => {
    policiesDir = mkdtempSync(join(tmpdir(), "reliability-policies-"));
    dataDir = mkdtempSync(join(tmpdir(), "reliability-data-"));
    const testsDir = join(repoPoliciesDir, "tests");
    cpSync(repoPoliciesDir, policiesDir, {
      recursive: true,
      filter: (source) => !source.endsWith("contact.yaml") && !source.startsWith(testsDir),
    });
    pdp = await startPdp({ policiesDir });
  });

  afterAll(async () => {
    await pdp?.stop();
    rmSync(policiesDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the API refuses to start when the PDP has no policy for contacts, and says so", async () => {
    const starting = spawnApi({
      port: await freePort(),
      databaseUrl: `sqlite:${join(dataDir, "app.db")}`,
      cerbosUrl: pdp.httpUrl,
      authSecret: testSecret,
      startTimeoutMs: 20_000,
    });
    const error = await starting.then(
      async (api) => {
        await api.stop();
        return new Error("the API started against a PDP without contact.yaml");
      },
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toMatch(/the API process exited with 1/);
    expect(error.message).toMatch(/no policy for resource kind \\?"contact\\?"/);
    expect(error.message).not.toMatch(/no policy for resource kind \\?"(company|organization)\\?"/);
  });
});
