import type { Pdp as LocalPdp } from "@repo/pdp";
import { probeEachPdp } from "./authz/probe.ts";
import { ConfigError, defaultDataDir, loadConfig } from "./config.ts";
import { type AuditTrailConfig, loadAuditTrailConfig } from "./decisions/config.ts";
import { startLocalPdp } from "./decisions/local-pdp.ts";
import { createLogger } from "./logger.ts";
import { type RunningApi, startApi } from "./server.ts";

// `pnpm --filter @repo/api start` (or `dev`): configuration from the environment, see README.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const log = createLogger(config.logLevel, config.logFormat);
if (config.generatedSecretPath) {
  log.warn(
    { path: config.generatedSecretPath },
    "AUTH_SECRET is not set: using a generated development secret (set AUTH_SECRET in production)",
  );
}

let localPdp: LocalPdp | undefined;
let api: RunningApi | undefined;

// Graceful shutdown: stop accepting, finish in-flight requests, checkpoint and close the
// database, stop our PDP, exit 0. Ctrl-C reaches this process twice (from the terminal and
// relayed by tsx/pnpm), and may come during start-up: the first signal starts one shutdown,
// which waits for start-up to settle; later ones are ignored.
let startup: Promise<unknown> = Promise.resolve();
let shuttingDown = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, "shutting down");
    void startup
      .catch(() => undefined)
      .then(() => api?.stop())
      .then(() => localPdp?.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
  });
}

async function fail(message: string, details?: object): Promise<never> {
  log.fatal(details ?? {}, message);
  await localPdp?.stop();
  process.exit(1);
}

async function start(): Promise<void> {
  let cerbosUrls = config.cerbosUrls;
  let auditTrail: AuditTrailConfig | undefined;
  if (!cerbosUrls) {
    const local = await startLocalPdp();
    ({ pdp: localPdp, auditTrail } = local);
    cerbosUrls = [local.pdp.httpUrl];
    log.info({ cerbosUrl: local.pdp.httpUrl }, "CERBOS_URL is not set: started a local PDP on the shipped policies");
  } else {
    try {
      auditTrail = loadAuditTrailConfig(process.env, {
        pdpUrls: cerbosUrls,
        dataDir: defaultDataDir,
        production: config.nodeEnv === "production",
      });
    } catch (error) {
      await fail(error instanceof Error ? error.message : String(error));
    }
  }
  auditTrail = auditTrail && { ...auditTrail, timeoutMs: config.pdpTimeoutMs };
  if (!auditTrail) log.info("decision lookup is off: CERBOS_ADMIN_USERNAME / CERBOS_ADMIN_PASSWORD are not set");
  // Every PDP of the list is checked: calls go round-robin, so each must serve every kind.
  const problems = await probeEachPdp(cerbosUrls, config.pdpTimeoutMs, config.pdpWaitMs);
  if (problems.length > 0) await fail(problems.join("; "), { problems });
  if (shuttingDown) return;
  api = await startApi({
    port: config.port,
    host: config.host,
    databaseUrl: config.databaseUrl,
    cerbosUrl: cerbosUrls.join(","),
    authSecret: config.authSecret,
    seed: config.seed,
    webDir: config.webDir,
    pdpTimeoutMs: config.pdpTimeoutMs,
    logger: log,
    oidc: config.oidc,
    previousAuthSecrets: config.previousAuthSecrets,
    trustedProxies: config.trustedProxies,
    listVerify: config.listVerify,
    planCacheMs: config.planCacheMs,
    sqliteReadConnections: config.sqliteReadConnections,
    auditTrail,
  }).catch((error: unknown) => fail("the API failed to start", { err: error }));
}

startup = start();
await startup;
