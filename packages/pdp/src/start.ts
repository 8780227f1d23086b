import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type AdminApiOptions, adminApiSettings } from "./admin-api.ts";
import { cerbosBinaryPath } from "./binary.ts";
import { LogBuffer } from "./log-buffer.ts";
import { freePort } from "./ports.ts";
import { watchChild } from "./watchdog.ts";

/** The checked-in PDP configuration (request limits, schema enforcement, audit). */
export const defaultConfigFile = fileURLToPath(new URL("../cerbos.yaml", import.meta.url));

export interface StartPdpOptions {
  /** Folder with the Cerbos policies (disk storage). */
  policiesDir: string;
  /** HTTP port on 127.0.0.1; a free one is picked when omitted. */
  httpPort?: number;
  /** gRPC port on 127.0.0.1; a free one is picked when omitted. */
  grpcPort?: number;
  /** Reload policies when files change (dev). A broken edit keeps the last good policies. */
  watch?: boolean;
  /** Cerbos configuration file; defaults to packages/pdp/cerbos.yaml. */
  configFile?: string;
  /**
   * Where decision audit entries go: a file path, or "stdout" (default) to keep them with the
   * PDP's log lines, readable through `Pdp.logs()`.
   */
  auditLogPath?: string;
  /** How long to wait for /_cerbos/health to answer SERVING (default 10 s). */
  startTimeoutMs?: number;
  /**
   * Level of the log line Cerbos (0.54+) prints for every CEL evaluation error, e.g. a missing
   * attribute. Defaults to the config file's (`warn`); test PDPs pass `none` (the errors stay in
   * the audit log entries).
   */
  celErrorLogLevel?: "none" | "debug" | "info" | "warn" | "error";
  /**
   * Enable the Admin API with these credentials and keep decisions in a local audit store
   * instead of `auditLogPath`, so that they can be looked up by call id (admin-api.ts).
   */
  adminApi?: AdminApiOptions;
  /** Extra `--set` overrides, e.g. `{ "server.requestLimits.maxResourcesPerRequest": "100" }`. */
  settings?: Record<string, string>;
  /** Receives every line the PDP prints (logs and stdout audit entries). */
  onLog?: (line: string) => void;
}

export interface Pdp {
  httpUrl: string;
  grpcUrl: string;
  /** The server's process id (the real binary, not a wrapper). */
  pid: number;
  /** The last lines the PDP printed. */
  logs(count?: number): string[];
  /** Stops the PDP (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
}

export class PdpStartError extends Error {
  constructor(
    message: string,
    readonly logLines: string[],
  ) {
    super(`${message}\n--- last lines the PDP printed ---\n${logLines.join("\n") || "(nothing)"}`);
    this.name = "PdpStartError";
  }
}

export async function startPdp(options: StartPdpOptions): Promise<Pdp> {
  const attempts = options.httpPort === undefined || options.grpcPort === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      // A port picked as free can be taken before the PDP binds it: pick again.
      const portRace = error instanceof PdpStartError && error.logLines.some(isAddressInUse);
      if (!portRace || attempt >= attempts) throw error;
    }
  }
}

function isAddressInUse(line: string): boolean {
  return line.includes("address already in use");
}

async function startOnce(options: StartPdpOptions): Promise<Pdp> {
  const httpPort = options.httpPort ?? (await freePort());
  const grpcPort = options.grpcPort ?? (await freePort());
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const settings: Record<string, string> = {
    "server.httpListenAddr": `127.0.0.1:${httpPort}`,
    "server.grpcListenAddr": `127.0.0.1:${grpcPort}`,
    "storage.driver": "disk",
    "storage.disk.directory": options.policiesDir,
    "storage.disk.watchForChanges": String(options.watch ?? false),
    "audit.file.path": options.auditLogPath ?? "stdout",
    ...(options.celErrorLogLevel === undefined ? {} : { "engine.celErrorLogLevel": options.celErrorLogLevel }),
    ...(options.adminApi ? adminApiSettings(options.adminApi) : {}),
    ...options.settings,
  };
  const args = [
    "server",
    `--config=${options.configFile ?? defaultConfigFile}`,
    ...Object.entries(settings).map(([key, value]) => `--set=${key}=${value}`),
  ];
  const child = spawn(cerbosBinaryPath(), args, {
    env: { ...process.env, CERBOS_NO_TELEMETRY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new PdpStartError("the Cerbos binary could not be started", []);
  watchChild(process.pid, pid);

  const logs = new LogBuffer(500);
  const onChunk = (chunk: Buffer) => {
    logs.push(chunk);
    if (options.onLog) for (const line of chunk.toString().split("\n")) if (line) options.onLog(line);
  };
  child.stdout?.on("data", onChunk);
  child.stderr?.on("data", onChunk);

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = once(async () => {
    process.removeListener("exit", killOnExit);
    await terminate(child, exited);
  });

  try {
    await waitUntilServing(httpUrl, exited, options.startTimeoutMs ?? 10_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new PdpStartError(`Cerbos PDP on ${httpUrl} did not become healthy: ${reason}`, logs.tail(40));
  }

  return {
    httpUrl,
    grpcUrl: `127.0.0.1:${grpcPort}`,
    pid,
    logs: (count) => logs.tail(count),
    stop,
  };
}

async function waitUntilServing(httpUrl: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let processExit: number | null | undefined;
  void exited.then((code) => {
    processExit = code;
  });
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (processExit !== undefined) throw new Error(`the PDP exited with code ${processExit}`);
    try {
      const response = await fetch(`${httpUrl}/_cerbos/health`, { signal: AbortSignal.timeout(1000) });
      const body = (await response.json()) as { status?: string };
      if (body.status === "SERVING") return;
      lastProblem = `health answered ${JSON.stringify(body)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no SERVING answer within ${timeoutMs} ms (last: ${lastProblem})`);
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}
