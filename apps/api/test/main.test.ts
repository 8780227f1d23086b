import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type ApiProcess, spawnApi } from "../src/testing/index.ts";

/** src/main.ts as its own process on a fresh SQLite file, as `pnpm --filter @repo/api start` runs it. */
const dirs: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

async function runMain(cerbosUrl: string, dir = tempDir("api-main-")): Promise<ApiProcess> {
  const main = await spawnApi({
    databaseUrl: `sqlite:${join(dir, "app.db")}`,
    cerbosUrl,
    env: { NODE_ENV: "development", LOG_LEVEL: "info" },
    waitUntilHealthy: false,
  });
  children.push(main);
  return main;
}

const children: ApiProcess[] = [];
const pdps: Pdp[] = [];
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill9()));
  await Promise.all(pdps.map((pdp) => pdp.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("the API process (src/main.ts)", () => {
  it("serves, then stops once and cleanly on Ctrl-C (which arrives twice: terminal and tsx), WAL checkpointed", async () => {
    const dir = tempDir("api-main-");
    const main = await runMain(inject("cerbosUrl"), dir);
    const [, url] = await main.waitFor(/"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
    expect(await (await fetch(`${url}/health`)).json()).toEqual({ database: "ok", pdp: "ok" });
    await fetch(`${url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "john", password: "wrong" }),
    });
    process.kill(main.pid, "SIGINT");
    process.kill(main.pid, "SIGINT");
    expect(await main.exited).toBe(0);
    expect(main.output().match(/"msg":"shutting down"/g)).toHaveLength(1);
    expect(main.output()).toContain('"msg":"API stopped"');
    const wal = join(dir, "app.db-wal");
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  });

  it("refuses to start against a PDP without the app's policies, saying which are missing", async () => {
    const pdp = await startPdp({ policiesDir: tempDir("no-policies-") });
    pdps.push(pdp);
    const main = await runMain(pdp.httpUrl);
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain("cannot serve this API");
    expect(main.output()).toContain('no policy for resource kind \\"contact\\"');
  });
});
