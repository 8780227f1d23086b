import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findPostgresBinDir, postgresRequired, startPostgres } from "./postgres.ts";

const run = promisify(execFile);
const binDir = findPostgresBinDir();
if (!binDir && !postgresRequired()) {
  console.warn("\n*** PostgreSQL binaries not found: SKIPPING the throwaway-Postgres test (it runs in CI) ***\n");
}

describe.skipIf(!binDir && !postgresRequired())("startPostgres", () => {
  it("starts a throwaway cluster on loopback, creates databases, and removes everything on stop", async () => {
    const pg = await startPostgres();
    const url = await pg.createDatabase("probe_db");
    expect(url).toBe(`postgres://postgres@127.0.0.1:${pg.port}/probe_db`);
    const psql = join(binDir ?? "", "psql");
    const client = existsSync(psql) ? psql : "psql";
    const { stdout } = await run(client, [url, "-tAc", "select 40 + 2"]);
    expect(stdout.trim()).toBe("42");
    await pg.stop();
    await expect(run(client, [url, "-tAc", "select 1"])).rejects.toThrow();
  });

  it("restarts fast on the same port with the data kept, refusing connections while it is down", async () => {
    const pg = await startPostgres();
    try {
      const url = await pg.createDatabase("restart_db");
      const psql = join(binDir ?? "", "psql");
      const client = existsSync(psql) ? psql : "psql";
      await run(client, [url, "-tAc", "create table kept (n int); insert into kept values (7)"]);
      const restarted = pg.restart(1500);
      await new Promise((resolve) => setTimeout(resolve, 700));
      await expect(run(client, [url, "-tAc", "select 1"])).rejects.toThrow();
      await restarted;
      const { stdout } = await run(client, [url, "-tAc", "select n from kept"]);
      expect(stdout.trim()).toBe("7");
    } finally {
      await pg.stop();
    }
  });
});
