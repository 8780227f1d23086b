import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sleep } from "./tally.ts";

const apiDir = fileURLToPath(new URL("../../../apps/api", import.meta.url));

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** The last lines the process printed. */
  output(): string;
  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  port: number;
  databaseUrl: string;
  cerbosUrl: string;
  authSecret: string;
  startTimeoutMs?: number;
}

/** The API as its own process (apps/api/src/main.ts), configured through the environment. */
export async function spawnApi(options: ApiProcessOptions): Promise<ApiProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      CERBOS_URL: options.cerbosUrl,
      AUTH_SECRET: options.authSecret,
      SEED: "true",
      LOG_LEVEL: "warn",
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const baseUrl = `http://127.0.0.1:${options.port}`;

  const finish = async (signal: NodeJS.Signals) => {
    process.removeListener("exit", killOnExit);
    if (!hasExited(child)) child.kill(signal);
    await exited;
  };
  try {
    await waitForHealth(baseUrl, child, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await finish("SIGKILL");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- API output ---\n${output}`);
  }
  return { baseUrl, pid, output: () => output, kill9: () => finish("SIGKILL"), stop: () => finish("SIGTERM") };
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

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
