import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { loadOidcConfig, type OidcConfig, OidcConfigError } from "./auth/oidc/index.ts";
import { defaultSqliteReadConnections } from "./db/connect.ts";
import { isAddressOrBlock } from "./http/client-address.ts";

/** The repository's `.data` folder: dev database, generated secret, PDP audit log. */
export const defaultDataDir = fileURLToPath(new URL("../../../.data", import.meta.url));

// Cerbos's HTTP API, or its gRPC API (authz/pdp-client.ts): grpc://host:port, grpcs:// with TLS.
const pdpUrl = z.url({ protocol: /^(https?|grpcs?)$/ });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(
      /^(sqlite:|postgres:\/\/|postgresql:\/\/|mariadb:\/\/)/,
      "must start with sqlite:, postgres:// or mariadb://",
    )
    .optional(),
  // One PDP, or several separated by commas: the API spreads its calls over them (authz/pdp.ts).
  CERBOS_URL: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .refine((entries) => entries.length > 0 && entries.every((entry) => pdpUrl.safeParse(entry).success), {
      message: "must be an http(s):// or grpc(s):// URL of a Cerbos PDP, or several separated by commas",
    })
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_SECRET_PREVIOUS: z.string().min(32, "must be at least 32 characters").optional(),
  TRUSTED_PROXIES: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .refine((entries) => entries.every(isAddressOrBlock), {
      message: "must be a comma-separated list of IP addresses or CIDR blocks (e.g. 127.0.0.3,10.0.0.0/8)",
    })
    .optional(),
  PDP_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
  PDP_WAIT_MS: z.coerce.number().int().min(0).default(0),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  SEED: z.enum(["true", "false"]).optional(),
  WEB_DIR: z.string().min(1).optional(),
  LIST_VERIFY: z.enum(["off", "check"]).default("off"),
  PLAN_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SQLITE_READ_CONNECTIONS: z.coerce.number().int().min(1).max(16).default(defaultSqliteReadConnections),
});

export interface Config {
  nodeEnv: "development" | "test" | "production";
  port: number;
  host: string;
  databaseUrl: string;
  /** The PDPs (CERBOS_URL, comma-separated); undefined: main.ts starts a local PDP on the shipped policies. */
  cerbosUrls: string[] | undefined;
  authSecret: string;
  /** Tokens signed with these are still accepted (rotating AUTH_SECRET without signing everyone out). */
  previousAuthSecrets: string[];
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); nobody else's is believed. */
  trustedProxies: string[];
  pdpTimeoutMs: number;
  /** How long start-up waits for the PDP to answer its health check (dev: the PDP starts alongside). */
  pdpWaitMs: number;
  logLevel: string;
  /** `pretty` for the dev console (the `dev` script sets it); JSON otherwise, always in production. */
  logFormat: "json" | "pretty";
  seed: boolean;
  webDir: string | undefined;
  /** Set when the secret was generated for development (main.ts logs a warning). */
  generatedSecretPath: string | undefined;
  /** Undefined unless OIDC_ISSUER is set (src/auth/oidc/README.md). */
  oidc: OidcConfig | undefined;
  /** `check`: every list page is also checked with CheckResources (a safety net; README: LIST_VERIFY). */
  listVerify: "off" | "check";
  /** > 0: a list reuses a PlanResources answer this many ms old at most (README: PLAN_CACHE_MS); 0: off. */
  planCacheMs: number;
  /** SQLite: connections that reads outside a transaction take turns on (README: SQLITE_READ_CONNECTIONS). */
  sqliteReadConnections: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment; throws ConfigError with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dataDir = defaultDataDir): Config {
  // An empty variable (`AUTH_SECRET=`) means unset, as in most shells' .env habits.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  const vars = parsed.data;
  let authSecret = vars.AUTH_SECRET;
  let generatedSecretPath: string | undefined;
  if (!authSecret) {
    if (vars.NODE_ENV === "production") {
      throw new ConfigError("AUTH_SECRET is required when NODE_ENV=production (at least 32 random characters).");
    }
    generatedSecretPath = join(dataDir, "auth-secret");
    authSecret = readOrCreateDevSecret(generatedSecretPath);
  }
  if (vars.AUTH_SECRET_PREVIOUS && vars.AUTH_SECRET_PREVIOUS === authSecret) {
    throw new ConfigError("AUTH_SECRET_PREVIOUS is the same as AUTH_SECRET: set it to the secret being retired.");
  }
  if (vars.NODE_ENV === "production" && vars.LOG_FORMAT === "pretty") {
    throw new ConfigError("LOG_FORMAT=pretty is for development: production logs JSON (one object per line).");
  }
  let oidc: OidcConfig | undefined;
  try {
    oidc = loadOidcConfig(env);
  } catch (error) {
    if (error instanceof OidcConfigError) throw new ConfigError(error.message);
    throw error;
  }
  return {
    oidc,
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL ?? `sqlite:${join(dataDir, "app.db")}`,
    cerbosUrls: vars.CERBOS_URL,
    authSecret,
    previousAuthSecrets: vars.AUTH_SECRET_PREVIOUS ? [vars.AUTH_SECRET_PREVIOUS] : [],
    trustedProxies: vars.TRUSTED_PROXIES ?? [],
    pdpTimeoutMs: vars.PDP_TIMEOUT_MS,
    pdpWaitMs: vars.PDP_WAIT_MS,
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    seed: vars.SEED ? vars.SEED === "true" : vars.NODE_ENV !== "production",
    webDir: vars.WEB_DIR,
    generatedSecretPath,
    listVerify: vars.LIST_VERIFY,
    planCacheMs: vars.PLAN_CACHE_MS,
    sqliteReadConnections: vars.SQLITE_READ_CONNECTIONS,
  };
}

function readOrCreateDevSecret(path: string): string {
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(join(path, ".."), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
