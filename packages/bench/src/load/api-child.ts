import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface ApiProcess {
  url: string;
  pid: number;
  /** Resident set size of the API process now, in MiB (Linux /proc). */
  rssMiB(): number;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL("./api-process.ts", import.meta.url));

/** The API settings a bench run varies (the API's defaults otherwise). */
export interface ApiProcessOptions {
  listVerify?: "off" | "check";
  planCacheMs?: number;
  /** SQLITE_READ_CONNECTIONS; unset: the API's default. */
  sqliteReadConnections?: number;
  nodeOptions?: readonly string[];
}

/** Starts apps/api's `startApi` in a child node process (via tsx) on a free port. */
export async function startApiProcess(
  databaseUrl: string,
  cerbosUrl: string,
  options: ApiProcessOptions = {},
): Promise<ApiProcess> {
  const child = fork(script, [], {
    // nodeOptions: e.g. --cpu-prof for the endpoint runner's profile (load/endpoint-main.ts).
    execArgv: ["--import", "tsx", ...(options.nodeOptions ?? [])],
    env: {
      ...process.env,
      NODE_ENV: "production",
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_CERBOS_URL: cerbosUrl,
      BENCH_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BENCH_LIST_VERIFY: options.listVerify ?? "off",
      BENCH_PLAN_CACHE_MS: String(options.planCacheMs ?? 0),
      ...(options.sqliteReadConnections === undefined
        ? {}
        : { BENCH_SQLITE_READ_CONNECTIONS: String(options.sqliteReadConnections) }),
    },
    // The API's request log (pino, one line per call, as in production) goes to /dev/null.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the API did not start within 30 s")), 30_000);
    child.once("message", (message: { url?: string }) => {
      clearTimeout(timer);
      if (message.url) resolve(message.url);
      else reject(new Error("the API sent no URL"));
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API process exited with code ${code}`));
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the API process has no pid");
  return { url, pid, rssMiB: () => rssOf(pid), stop: () => stopChild(child) };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib ? Number(kib) / 1024 : Number.NaN;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
