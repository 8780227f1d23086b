import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@repo/pdp";

const run = promisify(execFile);

export interface ThrowawayMariadb {
  /** Admin URL without a database (user root, no password, loopback only). */
  url: string;
  port: number;
  /** The server's temp folder (data, socket, log); removed by stop. */
  dir: string;
  /** Creates an empty database (the server's default utf8mb4 collation) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL through the `mariadb` client over the server's socket; returns its tab-separated output. */
  query(sql: string, database?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface MariadbBinaries {
  server: string;
  installDb: string;
  client: string;
  admin: string;
}

export class MariadbUnavailableError extends Error {
  constructor() {
    super(
      "MariaDB server binaries (mariadbd, mariadb-install-db) were not found. Install them with " +
        "`sudo apt-get install -y mariadb-server` (services kept from starting) or set MARIADB_BIN_DIR; " +
        "scripts/test.sh does this for you.",
    );
    this.name = "MariadbUnavailableError";
  }
}

/** mariadbd and its tools: MARIADB_BIN_DIR, Debian's /usr/sbin + /usr/bin, or PATH. */
export function findMariadbBinaries(): MariadbBinaries | undefined {
  const dirs = [process.env.MARIADB_BIN_DIR, "/usr/sbin", "/usr/bin", ...(process.env.PATH ?? "").split(":")];
  const find = (name: string) => dirs.filter((dir) => dir).find((dir) => existsSync(join(dir as string, name)));
  const located = ["mariadbd", "mariadb-install-db", "mariadb", "mariadb-admin"].map((name) => {
    const dir = find(name);
    return dir === undefined ? undefined : join(dir, name);
  });
  const [server, installDb, client, admin] = located;
  if (!server || !installDb || !client || !admin) return undefined;
  return { server, installDb, client, admin };
}

/** In CI (`CI=true`) a missing MariaDB is a failure; locally its suites may skip, loudly. */
export function mariadbRequired(): boolean {
  return process.env.CI === "true";
}

/**
 * Starts a throwaway MariaDB server in a temp folder on a free loopback port:
 * `--character-set-server=utf8mb4` (with `--no-defaults` it would be latin1) and the server's
 * default collation for it, utf8mb4_general_ci (case-insensitive, PAD SPACE), which is what a
 * table gets unless it says otherwise. mariadbd refuses to run as root: as root it runs as the
 * `mysql` system user (`--user=mysql`).
 */
export async function startMariadb(): Promise<ThrowawayMariadb> {
  const bin = findMariadbBinaries();
  if (!bin) throw new MariadbUnavailableError();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "mariadb-"));
  const dataDir = join(dir, "data");
  const socket = join(dir, "mariadb.sock");
  const user = asRoot ? ["--user=mysql"] : [];
  // Small redo log and no durability: the data lives as long as the test run.
  const engine = ["--innodb-log-file-size=8M", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=0"];
  try {
    if (asRoot) await run("chown", ["mysql:mysql", dir]);
    await run(bin.installDb, [
      "--no-defaults",
      `--datadir=${dataDir}`,
      ...user,
      "--auth-root-authentication-method=normal",
      "--skip-test-db",
      "--skip-name-resolve",
      ...engine,
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  const server = spawn(
    bin.server,
    [
      "--no-defaults",
      `--datadir=${dataDir}`,
      ...user,
      `--socket=${socket}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      `--pid-file=${join(dir, "mariadbd.pid")}`,
      `--log-error=${join(dir, "error.log")}`,
      `--tmpdir=${dir}`,
      "--character-set-server=utf8mb4",
      "--skip-name-resolve",
      "--skip-log-bin",
      ...engine,
    ],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  watchServer(server, dir);

  const client = (args: string[]) => run(bin.client, ["--no-defaults", `--socket=${socket}`, "-uroot", ...args]);
  const admin = (args: string[]) => run(bin.admin, ["--no-defaults", `--socket=${socket}`, "-uroot", ...args]);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      // A clean shutdown; the server is killed only if it has not stopped 15 s later.
      await admin(["shutdown"]).catch(() => server.kill("SIGTERM"));
      const timer = setTimeout(() => server.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await waitUntilReady(admin, exited, join(dir, "error.log"));
  } catch (error) {
    await stop();
    throw error;
  }
  const url = `mariadb://root@127.0.0.1:${port}/`;
  return {
    url,
    port,
    dir,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
      await client(["-e", `CREATE DATABASE ${name}`]);
      return `${url}${name}`;
    },
    async query(sql: string, database?: string) {
      const { stdout } = await client(["--batch", "--skip-column-names", ...(database ? [database] : []), "-e", sql]);
      return stdout;
    },
    stop,
  };
}

async function waitUntilReady(
  admin: (args: string[]) => Promise<unknown>,
  exited: Promise<void>,
  errorLog: string,
): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !gone) {
    if (
      await admin(["--connect-timeout=2", "ping"]).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = existsSync(errorLog) ? readFileSync(errorLog, "utf8").split("\n").slice(-15).join("\n") : "(no log)";
  throw new Error(`MariaDB did not start ${gone ? "(mariadbd exited)" : "within 60 s"}:\n${log}`);
}

/** Exit hooks do not run on SIGKILL: a detached watchdog kills the server and removes its folder when we are gone. */
function watchServer(server: ChildProcess, dir: string): void {
  if (server.pid === undefined) return;
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${server.pid} 2>/dev/null; do sleep 1; done`,
    `kill -KILL ${server.pid} 2>/dev/null`,
    `while kill -0 ${server.pid} 2>/dev/null; do sleep 0.2; done`,
    `rm -rf ${dir}`,
  ].join("; ");
  spawn("/bin/sh", ["-c", script], { detached: true, stdio: "ignore" }).unref();
}
