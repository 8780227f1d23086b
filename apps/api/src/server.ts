import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express from "express";
import type { Sequelize } from "sequelize";
import {
  createOidcAuthenticator,
  type OidcAuthenticator,
  type OidcConfig,
  sequelizeUserStore,
} from "./auth/oidc/index.ts";
import { loginLimiter } from "./auth/rate-limit.ts";
import { createTokenService } from "./auth/token.ts";
import { createPdp } from "./authz/pdp.ts";
import { cachingPlans } from "./authz/plan-cache.ts";
import type { ListVerify } from "./authz/query.ts";
import { createContextFactory } from "./context.ts";
import { defaultSqliteReadConnections } from "./db/connect.ts";
import { openDatabase } from "./db/database.ts";
import { migrate } from "./db/migrate.ts";
import { seedIfEmpty } from "./db/seed.ts";
import { createAuditTrail } from "./decisions/audit-trail.ts";
import type { AuditTrailConfig } from "./decisions/config.ts";
import { checkHealth } from "./health.ts";
import { maxBatchSize, maxBodySize } from "./http/batch-limits.ts";
import { apiResponses, everyResponse, securityHeaders } from "./http/security-headers.ts";
import { webAppHeaders } from "./http/web-headers.ts";
import { createLogger, type Logger } from "./logger.ts";
import { appRouter } from "./router.ts";

export interface StartApiOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  host?: string;
  /** `sqlite:/abs/path.db` or `postgres://…`. */
  databaseUrl: string;
  /** A PDP's URL, or several separated by commas (calls go round-robin with failover: authz/pdp.ts). */
  cerbosUrl: string;
  authSecret: string;
  /** Seed the demo data when the database has no users. */
  seed?: boolean;
  /** Serve this folder (a built web app) at / with SPA fallback; the API stays at /trpc. */
  webDir?: string;
  /** A PDP slower than this answers 503 (default 2000). */
  pdpTimeoutMs?: number;
  logLevel?: string;
  /** Use this logger instead of creating one (main.ts shares its own). */
  logger?: Logger;
  /** Accept this identity provider's access tokens beside the API's own (src/auth/oidc/README.md). */
  oidc?: OidcConfig;
  /** Tokens signed with these are still accepted (AUTH_SECRET_PREVIOUS: rotating the secret). */
  previousAuthSecrets?: string[];
  /** Proxies (IPs or CIDR blocks) whose X-Forwarded-For names the client (TRUSTED_PROXIES); default none. */
  trustedProxies?: string[];
  /** `check`: lists also ask CheckResources about every page (LIST_VERIFY; default `off`). */
  listVerify?: ListVerify;
  /** > 0: lists reuse a PlanResources answer at most this many ms old (PLAN_CACHE_MS; authz/plan-cache.ts). Default 0: off. */
  planCacheMs?: number;
  /** SQLite: connections that SELECTs outside a transaction take turns on (SQLITE_READ_CONNECTIONS; db/connect.ts). Default defaultSqliteReadConnections (4). */
  sqliteReadConnections?: number;
  /** Where decision lookup reads the PDPs' audit trail (src/decisions/config.ts); unset: lookup is off. */
  auditTrail?: AuditTrailConfig;
}

export interface RunningApi {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to 10 s), closes the database. */
  stop(): Promise<void>;
  sequelize: Sequelize;
}

export async function startApi(options: StartApiOptions): Promise<RunningApi> {
  const log = options.logger ?? createLogger(options.logLevel ?? "info");
  const db = openDatabase(options.databaseUrl, {
    sqliteReadConnections: options.sqliteReadConnections ?? defaultSqliteReadConnections,
  });
  // Under the migration lock: replicas starting at once migrate and seed an empty database once.
  let seeded = false;
  const applied = await migrate(db.sequelize, {
    thenUnderLock: async () => {
      seeded = options.seed === true && (await seedIfEmpty(db.models));
    },
  });
  if (applied.length > 0) log.info({ migrations: applied }, "applied migrations");
  if (seeded) log.info("seeded the demo data (demo users: see apps/api/README.md)");
  // Planner statistics for what the migrations and the seed created (db/database.ts); they only
  // steer the query planner, so a database that cannot be analyzed now still serves.
  await db.optimize().catch((error: unknown) => log.warn({ err: error }, "could not refresh planner statistics"));

  const pdps = createPdp(options.cerbosUrl, options.pdpTimeoutMs ?? 2000);
  const pdp = options.planCacheMs ? cachingPlans(pdps, { ttlMs: options.planCacheMs }) : pdps;
  const oidc = options.oidc
    ? createOidcAuthenticator(options.oidc, {
        ...sequelizeUserStore(db.models.User),
        logger: log.child({ component: "oidc" }),
      })
    : undefined;
  if (options.oidc) {
    log.info(
      { issuer: options.oidc.issuer, autoProvision: options.oidc.autoProvision },
      "accepting OIDC access tokens",
    );
  }
  const auditTrail = options.auditTrail ? createAuditTrail(options.auditTrail) : undefined;
  const deps = {
    db,
    pdp,
    tokens: createTokenService(options.authSecret, undefined, options.previousAuthSecrets),
    loginLimiter: loginLimiter(db),
    log,
    oidc,
    listVerify: options.listVerify ?? "off",
    auditTrail,
  };

  const app = express();
  app.disable("x-powered-by");
  // req.ip: the socket's address, or X-Forwarded-For's client when the socket is a trusted proxy.
  const trustedProxies = options.trustedProxies ?? [];
  app.set("trust proxy", trustedProxies.length > 0 ? trustedProxies : false);
  app.use(securityHeaders(everyResponse));
  app.use(["/trpc", "/health", "/live"], securityHeaders(apiResponses));
  // For a load balancer's check: the process serves HTTP. It asks neither the database nor the
  // PDP, so a slow PDP under load does not take every replica out of rotation at once (/health does).
  app.get("/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/health", async (_req, res) => {
    const report = await checkHealth(db, pdp);
    res.status(report.database === "ok" && report.pdp === "ok" ? 200 : 503).json(report);
  });
  app.use(
    "/trpc",
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory(deps),
      maxBatchSize,
      maxBodySize,
      onError: ({ error, path }) => {
        // Procedure errors are logged by the logging middleware; these failed before it ran.
        if (path === undefined) log.warn({ code: error.code, err: error }, "request rejected before any procedure");
      },
    }),
  );
  if (options.webDir) serveWebApp(app, resolve(options.webDir), oidc);

  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<import("node:http").Server>((resolveServer, reject) => {
    const listening = app.listen(options.port ?? 0, host, (error?: Error) =>
      error ? reject(error) : resolveServer(listening),
    );
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the API server has no TCP address");
  const url = `http://${host}:${address.port}`;
  log.info({ url }, "API listening");

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((done) => {
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        server.close(() => {
          clearTimeout(force);
          done();
        });
        server.closeIdleConnections();
      });
      // Everything into the main file before the connections close (no -wal left behind).
      if (db.dialect === "sqlite") {
        await db.sequelize
          .query("PRAGMA wal_checkpoint(TRUNCATE)")
          .catch((error: unknown) => log.warn({ err: error }, "WAL checkpoint at shutdown failed"));
      }
      await db.sequelize.close();
      pdp.close();
      auditTrail?.close();
      log.info("API stopped");
    })();
    return stopping;
  };
  return { url, stop, sequelize: db.sequelize };
}

function serveWebApp(app: express.Express, webDir: string, oidc: OidcAuthenticator | undefined): void {
  const index = join(webDir, "index.html");
  // CSP and no-cache on every file of the app; hashed assets then may be kept for a year.
  app.use(webAppHeaders(oidc ? oidcConnectOrigins(oidc) : {}));
  app.use("/assets", express.static(join(webDir, "assets"), { index: false, immutable: true, maxAge: "365d" }));
  app.use(express.static(webDir, { index: "index.html" }));
  app.use((req, res, next) => {
    if (req.method !== "GET" || !req.accepts("html") || !existsSync(index)) return next();
    res.sendFile(index);
  });
}

/** The browser fetches the identity provider's token endpoint (code + PKCE): the CSP must allow its origin. */
function oidcConnectOrigins(oidc: OidcAuthenticator) {
  const originOf = (url: string | undefined) => (url ? [new URL(url).origin] : []);
  return {
    fallbackOrigins: originOf(oidc.publicInfo().issuer),
    connectOrigins: async () => {
      const info = await oidc.discover();
      if (!info.tokenEndpoint) throw new Error("OIDC discovery has not succeeded yet");
      return originOf(info.tokenEndpoint);
    },
  };
}
