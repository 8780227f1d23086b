import { execFile, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@repo/pdp";

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** Connection URL of the `postgres` database (user postgres, trust auth, loopback only). */
  url: string;
  port: number;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * A fast restart on the same port and data (`pg_ctl stop -m fast`: every session is
   * terminated, open transactions roll back), down for `downMs` before it starts again.
   */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export class PostgresUnavailableError extends Error {
  constructor() {
    super(
      "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with " +
        "`sudo apt-get install -y postgresql` or set PG_BIN_DIR; scripts/test.sh does this for you.",
    );
    this.name = "PostgresUnavailableError";
  }
}

/** The folder with initdb and pg_ctl: PG_BIN_DIR, Debian's versioned folder, or PATH. */
export function findPostgresBinDir(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN_DIR) candidates.push(process.env.PG_BIN_DIR);
  if (existsSync("/usr/lib/postgresql")) {
    for (const version of readdirSync("/usr/lib/postgresql").sort().reverse()) {
      candidates.push(`/usr/lib/postgresql/${version}/bin`);
    }
  }
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir) candidates.push(dir);
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
}

/**
 * Starts a throwaway PostgreSQL cluster in a temp folder on a free loopback port. Postgres
 * refuses to run as root, so as root it runs as the `postgres` system user.
 */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir();
  if (!binDir) throw new PostgresUnavailableError();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "pg-"));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (command: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", join(binDir, command), ...args], { cwd: dir })
      : run(join(binDir, command), args, { cwd: dir });

  const dataDir = join(dir, "data");
  await pg("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () =>
    pg("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", join(dir, "log"), "-w", "-t", "30", "start"]);
  await start();

  // Exit hooks do not run on SIGKILL: a detached watchdog stops the cluster when we are gone.
  const stopCommand = asRoot
    ? `runuser -u postgres -- ${join(binDir, "pg_ctl")} -D ${dataDir} -m immediate -w stop`
    : `${join(binDir, "pg_ctl")} -D ${dataDir} -m immediate -w stop`;
  const watchdog = spawn(
    "/bin/sh",
    [
      "-c",
      `while kill -0 ${process.pid} 2>/dev/null && [ -d ${dataDir} ]; do sleep 1; done; [ -d ${dataDir} ] && ${stopCommand} >/dev/null 2>&1; rm -rf ${dir}`,
    ],
    { detached: true, stdio: "ignore" },
  );
  watchdog.unref();

  let stopped: Promise<void> | undefined;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
      await pg("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async restart(downMs = 0) {
      await pg("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "30", "stop"]);
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      await start();
    },
    stop() {
      stopped ??= (async () => {
        await pg("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/**
 * In CI (`CI=true`) a missing Postgres is a failure; locally the Postgres suites may skip, but
 * say so loudly.
 */
export function postgresRequired(): boolean {
  return process.env.CI === "true";
}
