import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { testSecret } from "./stack.ts";

const apiDir = fileURLToPath(new URL("../..", import.meta.url));

export interface ApiProcessOptions {
  /** 0 (default): any free port; `baseUrl` is then read from the "API listening" log line. */
  port?: number;
  databaseUrl: string;
  cerbosUrl: string;
  authSecret?: string;
  /** More environment (e.g. `NODE_ENV`, `LOG_LEVEL`); the defaults are NODE_ENV=test, LOG_LEVEL=warn, SEED=true. */
  env?: Record<string, string>;
  /** Wait until GET /health answers 200 (default true); the promise rejects if the process exits first. */
  waitUntilHealthy?: boolean;
  startTimeoutMs?: number;
}

export interface ApiProcess {
  /** `http://127.0.0.1:PORT` (empty until known when started on port 0 without waiting). */
  baseUrl: string;
  pid: number;
  /** The last 8000 characters the process printed. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (rejects after `timeoutMs`). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** The API as its own process (src/main.ts, configured through the environment, as in production). */
export async function spawnApi(options: ApiProcessOptions): Promise<ApiProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      SEED: "true",
      ...options.env,
      PORT: String(options.port ?? 0),
      DATABASE_URL: options.databaseUrl,
      CERBOS_URL: options.cerbosUrl,
      AUTH_SECRET: options.authSecret ?? testSecret,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the API process could not be spawned");
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const finish = async (signal: NodeJS.Signals) => {
    process.removeListener("exit", killOnExit);
    if (!hasExited(child)) child.kill(signal);
    await exited;
  };
  const waitFor = async (pattern: RegExp, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(output);
      if (match) return match;
      if (hasExited(child)) throw new Error(`the API process exited with ${child.exitCode ?? child.signalCode}`);
      if (Date.now() >= deadline) throw new Error(`timed out waiting for ${pattern} in:\n${output}`);
      await sleep(100);
    }
  };
  const proc: ApiProcess = {
    baseUrl: options.port ? `http://127.0.0.1:${options.port}` : "",
    pid,
    output: () => output,
    waitFor,
    exited,
    kill9: () => finish("SIGKILL"),
    stop: () => finish("SIGTERM"),
  };
  if (options.waitUntilHealthy === false) return proc;
  try {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    if (!proc.baseUrl) proc.baseUrl = (await waitFor(/"url":"(http:\/\/[^"]+)"/, timeoutMs))[1] ?? "";
    await waitForHealth(proc.baseUrl, child, timeoutMs);
  } catch (error) {
    await finish("SIGKILL");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- API output ---\n${output}`);
  }
  return proc;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited(child)) throw new Error(`the API process exited with ${child.exitCode ?? child.signalCode}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`the API did not answer /health within ${timeoutMs} ms`);
}
