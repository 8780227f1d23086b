import { freePort, type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import { startPostgres, type ThrowawayPostgres } from "@repo/testing";
import { type ApiProcess, spawnApi } from "../api-process.ts";
import { testSecret } from "../stack.ts";
import { type Haproxy, proxySource, startHaproxy } from "./haproxy.ts";
import { connectSql, type SqlConnection } from "./sql.ts";

export interface Replica {
  name: string;
  port: number;
  /** `http://127.0.0.1:PORT`: this replica directly, not through haproxy. */
  baseUrl: string;
  process(): ApiProcess | undefined;
  /** SIGKILL: no shutdown, in-flight requests die with it. */
  kill9(): Promise<void>;
  /** Starts it again on the same port and waits for /health. */
  start(): Promise<void>;
}

export interface PdpNode {
  url: string;
  /** The running PDP's process id (undefined while stopped). */
  pid(): number | undefined;
  /** Stops the PDP (its port refuses connections until `start`). */
  stop(): Promise<void>;
  /** Starts it again on the same ports. */
  start(): Promise<void>;
}

export interface ScaleOutStack {
  /** haproxy's entry point: `http://127.0.0.1:PORT`. */
  url: string;
  replicas: Replica[];
  pdps: PdpNode[];
  databaseUrl: string;
  /** The Postgres cluster's port (its postmaster names it on its command line). */
  postgresPort: number;
  /** Plain SQL on the database (the suite's own connection). */
  sql: SqlConnection;
  haproxy: Haproxy;
  /** A Postgres fast restart (every session terminated), down for `downMs`: the pools must reconnect. */
  restartPostgres(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ScaleOutOptions {
  /** API processes (default 2). */
  replicas?: number;
  /** Cerbos PDPs, every one in every replica's CERBOS_URL (default 2). */
  pdps?: number;
  pdpTimeoutMs?: number;
  /** More environment for every replica (e.g. NODE_ENV, LOG_LEVEL). */
  env?: Record<string, string>;
  authSecret?: string;
}

/**
 * One throwaway Postgres, M PDPs on the shipped policies, N API processes (src/main.ts, as in
 * production, all started at once: the migration lock lets one migrate and seed) with every PDP
 * in CERBOS_URL and TRUSTED_PROXIES=127.0.0.3, and haproxy in front of them.
 */
export async function startScaleOut(options: ScaleOutOptions = {}): Promise<ScaleOutStack> {
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.splice(0).reverse()) await part.stop().catch(() => undefined);
  };
  try {
    const postgres: ThrowawayPostgres = await startPostgres();
    started.push(postgres);
    const databaseUrl = await postgres.createDatabase("app");
    const pdps = await Promise.all(Array.from({ length: options.pdps ?? 2 }, () => startPdpNode()));
    started.push(...pdps);
    const env = {
      TRUSTED_PROXIES: proxySource,
      LOG_LEVEL: process.env.RELIABILITY_LOG ?? "warn",
      ...(options.pdpTimeoutMs === undefined ? {} : { PDP_TIMEOUT_MS: String(options.pdpTimeoutMs) }),
      ...options.env,
    };
    const cerbosUrl = pdps.map((pdp) => pdp.url).join(",");
    const replicas = await Promise.all(
      Array.from({ length: options.replicas ?? 2 }, async (_, index) => {
        const replica = await replicaOn(`api${index + 1}`, await freePort(), {
          databaseUrl,
          cerbosUrl,
          authSecret: options.authSecret ?? testSecret,
          env,
        });
        started.push({ stop: () => replica.process()?.stop() ?? Promise.resolve() });
        return replica;
      }),
    );
    const haproxy = await startHaproxy(replicas.map(({ name, port }) => ({ name, port })));
    started.push(haproxy);
    const sql = connectSql(databaseUrl);
    started.push({ stop: () => sql.close() });
    return {
      url: haproxy.url,
      replicas,
      pdps,
      databaseUrl,
      postgresPort: postgres.port,
      sql,
      haproxy,
      restartPostgres: (downMs) => postgres.restart(downMs),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startPdpNode(): Promise<PdpNode & { stop(): Promise<void> }> {
  const [httpPort, grpcPort] = [await freePort(), await freePort()];
  const launch = () => startPdp({ policiesDir: repoPoliciesDir, httpPort, grpcPort, celErrorLogLevel: "none" });
  let pdp: Pdp | undefined = await launch();
  return {
    url: pdp.httpUrl,
    pid: () => pdp?.pid,
    stop: async () => {
      await pdp?.stop();
      pdp = undefined;
    },
    start: async () => {
      pdp ??= await launch();
    },
  };
}

async function replicaOn(
  name: string,
  port: number,
  settings: { databaseUrl: string; cerbosUrl: string; authSecret: string; env: Record<string, string> },
): Promise<Replica> {
  const spawnIt = () => spawnApi({ port, ...settings, startTimeoutMs: 60_000 });
  let current: ApiProcess | undefined = await spawnIt();
  return {
    name,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    process: () => current,
    kill9: async () => {
      await current?.kill9();
      current = undefined;
    },
    start: async () => {
      current ??= await spawnIt();
    },
  };
}
