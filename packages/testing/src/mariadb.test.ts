import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { findMariadbBinaries, mariadbRequired, startMariadb } from "./mariadb.ts";

const run = promisify(execFile);
const binaries = findMariadbBinaries();
if (!binaries && !mariadbRequired()) {
  console.warn("\n*** MariaDB binaries not found: SKIPPING the throwaway-MariaDB test (it runs in CI) ***\n");
}

describe.skipIf(!binaries && !mariadbRequired())("startMariadb", () => {
  it("starts a throwaway utf8mb4 server on loopback with a case-insensitive default collation, and removes everything on stop", async () => {
    const server = await startMariadb();
    expect(existsSync(server.dir)).toBe(true);
    const url = await server.createDatabase("probe_db");
    expect(url).toBe(`mariadb://root@127.0.0.1:${server.port}/probe_db`);
    const tcp = [
      "--no-defaults",
      "-h",
      "127.0.0.1",
      "-P",
      String(server.port),
      "-uroot",
      "--batch",
      "--skip-column-names",
    ];
    const { stdout } = await run(binaries?.client ?? "mariadb", [...tcp, "probe_db", "-e", "SELECT 40 + 2"]);
    expect(stdout.trim()).toBe("42");
    await server.query("CREATE TABLE t (name TEXT)", "probe_db");
    const collation = await server.query(
      "SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'probe_db' AND TABLE_NAME = 't'",
    );
    expect(collation.trim()).toBe("utf8mb4_general_ci");
    // The trap the authz suites are run on: such a column ignores case and trailing spaces.
    await server.query("INSERT INTO t VALUES ('Bob')", "probe_db");
    expect((await server.query("SELECT COUNT(*) FROM t WHERE name = 'bob '", "probe_db")).trim()).toBe("1");
    await server.stop();
    await expect(run(binaries?.client ?? "mariadb", [...tcp, "-e", "SELECT 1"])).rejects.toThrow();
    const { stdout: left } = await run("pgrep", ["-f", `mariadbd.*--port=${server.port}`]).catch(() => ({
      stdout: "",
    }));
    expect(left.trim()).toBe("");
    expect(existsSync(server.dir)).toBe(false);
  });
});
