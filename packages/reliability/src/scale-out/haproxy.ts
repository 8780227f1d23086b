import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@repo/pdp";

/** The address haproxy connects to the replicas from: the only one the API trusts for X-Forwarded-For. */
export const proxySource = "127.0.0.3";

export interface Haproxy {
  /** `http://127.0.0.1:PORT`: the balanced entry point. */
  url: string;
  pid: number;
  /** Per replica: haproxy's view (UP, DOWN, …) and the requests it sent there (its stats page). */
  servers(): Promise<Record<string, { status: string; sessions: number }>>;
  /** The last 8000 characters haproxy printed (warnings, backend state changes). */
  output(): string;
  stop(): Promise<void>;
}

export class HaproxyUnavailableError extends Error {
  override name = "HaproxyUnavailableError";
  constructor() {
    super(
      "haproxy was not found. Install it with `sudo apt-get install -y haproxy`; scripts/test.sh does this for you.",
    );
  }
}

export function findHaproxy(): string | undefined {
  const candidates = ["/usr/sbin/haproxy", ...(process.env.PATH ?? "").split(":").map((dir) => join(dir, "haproxy"))];
  return candidates.find((path) => path !== "haproxy" && existsSync(path));
}

/**
 * haproxy in the foreground (`-db`) with a config of its own in a temp folder: round-robin over
 * the replicas, from `source 127.0.0.3` with `option forwardfor`; a replica leaves the rotation
 * when GET /health fails twice (checked every 500 ms) and a connection it refuses is retried on
 * another (`option redispatch`). A request already sent to a replica that dies is answered 502
 * (never retried: it may have been a write).
 */
export async function startHaproxy(backends: readonly { name: string; port: number }[]): Promise<Haproxy> {
  const binary = findHaproxy();
  if (!binary) throw new HaproxyUnavailableError();
  const dir = mkdtempSync(join(tmpdir(), "haproxy-"));
  const [port, statsPort] = [await freePort(), await freePort()];
  const config = [
    "global",
    "  maxconn 2000",
    // Abnormal terminations only (who closed, at which stage): kept in output() for a failing run.
    "  log stdout format raw local0 info",
    "defaults",
    "  mode http",
    "  log global",
    "  option httplog",
    "  option dontlog-normal",
    "  timeout connect 1s",
    "  timeout client 60s",
    "  timeout server 60s",
    "  retries 2",
    "  option redispatch",
    "frontend entry",
    `  bind 127.0.0.1:${port}`,
    "  option forwardfor",
    "  default_backend replicas",
    "backend replicas",
    "  balance roundrobin",
    `  source ${proxySource}`,
    // Liveness, not /health: /health follows the PDPs' latency, and every replica shares the
    // PDPs, so under overload it took every replica out at once (haproxy then answered 503).
    "  option httpchk GET /live",
    "  http-check expect status 200",
    "  timeout check 2s",
    "  default-server inter 500ms fall 2 rise 1",
    ...backends.map((backend) => `  server ${backend.name} 127.0.0.1:${backend.port} check`),
    "listen stats",
    `  bind 127.0.0.1:${statsPort}`,
    "  stats enable",
    "  stats uri /stats",
    "",
  ].join("\n");
  const configFile = join(dir, "haproxy.cfg");
  writeFileSync(configFile, config);
  const child: ChildProcess = spawn(binary, ["-db", "-f", configFile], { stdio: ["ignore", "pipe", "pipe"] });
  const pid = child.pid;
  if (pid === undefined) throw new Error("haproxy could not be spawned");
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Exit hooks do not run on SIGKILL: a detached watchdog stops haproxy when we are gone.
  spawn(
    "/bin/sh",
    [
      "-c",
      `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done; kill ${pid} 2>/dev/null`,
    ],
    {
      detached: true,
      stdio: "ignore",
    },
  ).unref();
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.removeListener("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilServing(url, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- haproxy output ---\n${output}`);
  }
  const servers = async () => {
    const csv = await (await fetch(`http://127.0.0.1:${statsPort}/stats;csv`)).text();
    const [header = "", ...lines] = csv.replace(/^# /, "").trim().split("\n");
    const columns = header.split(",");
    const at = (name: string) => columns.indexOf(name);
    const found: Record<string, { status: string; sessions: number }> = {};
    for (const fields of lines.map((line) => line.split(","))) {
      const name = fields[at("svname")] ?? "";
      if (fields[at("pxname")] !== "replicas" || name === "FRONTEND" || name === "BACKEND") continue;
      found[name] = { status: fields[at("status")] ?? "", sessions: Number(fields[at("stot")]) };
    }
    return found;
  };
  return { url, pid, servers, output: () => output, stop };
}

/** Until GET /health through haproxy answers 200 (a replica is in the rotation). */
async function untilServing(url: string, exited: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("haproxy exited at start-up");
    try {
      if ((await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`haproxy at ${url} did not serve /health within ${timeoutMs} ms`);
}
