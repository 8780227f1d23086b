import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, describe, expect, inject, it } from "vitest";
import { testSecret } from "./support/harness.ts";

const apiDir = fileURLToPath(new URL("..", import.meta.url));

/** Runs src/main.ts as its own process, collecting its log lines. */
function runMain(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "api-main-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: "0",
      DATABASE_URL: `sqlite:${join(dir, "app.db")}`,
      AUTH_SECRET: testSecret,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = pattern.exec(output);
      if (match) return match;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${pattern} in:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

const children: ChildProcess[] = [];
const pdps: Pdp[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await Promise.all(pdps.map((pdp) => pdp.stop()));
});

describe("the API process (src/main.ts)", () => {
  it("serves, then shuts down gracefully on SIGTERM", async () => {
    const main = runMain({ CERBOS_URL: inject("cerbosUrl") });
    children.push(main.child);
    const [, url] = (await main.waitFor(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/)) as RegExpExecArray;
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toEqual({ database: "ok", pdp: "ok" });
    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    expect(main.output()).toContain('"msg":"API stopped"');
  });

  it("refuses to start against a PDP without the app's policies, saying which are missing", async () => {
    const pdp = await startPdp({ policiesDir: mkdtempSync(join(tmpdir(), "no-policies-")) });
    pdps.push(pdp);
    const main = runMain({ CERBOS_URL: pdp.httpUrl });
    children.push(main.child);
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain("cannot serve this API");
    expect(main.output()).toContain('no policy for resource kind \\"contact\\"');
  });
});
