import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "api-config-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("loadConfig", () => {
  it("defaults to port 3000, a SQLite file in the data folder and a generated, persisted dev secret", () => {
    const dir = tempDir();
    const config = loadConfig({}, dir);
    expect(config).toMatchObject({
      nodeEnv: "development",
      port: 3000,
      databaseUrl: `sqlite:${join(dir, "app.db")}`,
      cerbosUrls: undefined,
      pdpTimeoutMs: 2000,
      seed: true,
      generatedSecretPath: join(dir, "auth-secret"),
    });
    expect(readFileSync(join(dir, "auth-secret"), "utf8").trim()).toBe(config.authSecret);
    expect(loadConfig({}, dir).authSecret).toBe(config.authSecret); // reused on the next start
  });

  it("refuses to start in production without AUTH_SECRET", () => {
    expect(() => loadConfig({ NODE_ENV: "production" }, tempDir())).toThrowErrorMatchingInlineSnapshot(
      `[ConfigError: AUTH_SECRET is required when NODE_ENV=production (at least 32 random characters).]`,
    );
  });

  it("lists every invalid variable in one clear message", () => {
    const error = (() => {
      try {
        loadConfig(
          { PORT: "eighty", DATABASE_URL: "mysql://x", CERBOS_URL: "ftp://pdp", AUTH_SECRET: "short" },
          tempDir(),
        );
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Invalid configuration:
        PORT: Invalid input: expected number, received NaN
        DATABASE_URL: must start with sqlite:, postgres:// or mariadb://
        CERBOS_URL: must be an http(s):// or grpc(s):// URL of a Cerbos PDP, or several separated by commas
        AUTH_SECRET: must be at least 32 characters"
    `);
  });

  it("takes explicit settings", () => {
    const config = loadConfig(
      {
        NODE_ENV: "production",
        PORT: "8080",
        DATABASE_URL: "postgres://app@db/app",
        CERBOS_URL: "http://pdp:3592",
        AUTH_SECRET: "x".repeat(40),
        PDP_TIMEOUT_MS: "500",
      },
      tempDir(),
    );
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: "postgres://app@db/app",
      cerbosUrls: ["http://pdp:3592"],
      pdpTimeoutMs: 500,
      seed: false,
      generatedSecretPath: undefined,
    });
  });

  it("takes several PDPs in CERBOS_URL, separated by commas, and refuses any entry that is not an http(s) or grpc(s) URL", () => {
    const secret = "x".repeat(40);
    expect(
      loadConfig({ AUTH_SECRET: secret, CERBOS_URL: "http://pdp-a:3592, https://pdp-b:3592," }, tempDir()).cerbosUrls,
    ).toEqual(["http://pdp-a:3592", "https://pdp-b:3592"]);
    expect(
      loadConfig({ AUTH_SECRET: secret, CERBOS_URL: "grpc://pdp-a:3593,grpcs://pdp-b:3593" }, tempDir()).cerbosUrls,
    ).toEqual(["grpc://pdp-a:3593", "grpcs://pdp-b:3593"]);
    for (const wrong of ["http://pdp-a:3592,ftp://pdp-b", "pdp-a:3592", ",", "http://pdp-a:3592;http://pdp-b:3592"]) {
      expect(() => loadConfig({ AUTH_SECRET: secret, CERBOS_URL: wrong }, tempDir()), wrong).toThrow("CERBOS_URL");
    }
  });

  it("logs JSON unless the dev console asks for pretty lines, and never pretty in production", () => {
    const secret = "x".repeat(40);
    expect(loadConfig({ AUTH_SECRET: secret }, tempDir()).logFormat).toBe("json");
    expect(loadConfig({ AUTH_SECRET: secret, LOG_FORMAT: "pretty" }, tempDir()).logFormat).toBe("pretty");
    expect(() => loadConfig({ NODE_ENV: "production", AUTH_SECRET: secret, LOG_FORMAT: "pretty" }, tempDir())).toThrow(
      "LOG_FORMAT=pretty is for development",
    );
  });

  it("checks list pages with CheckResources only when LIST_VERIFY=check", () => {
    const secret = "x".repeat(40);
    expect(loadConfig({ AUTH_SECRET: secret }, tempDir()).listVerify).toBe("off");
    expect(loadConfig({ AUTH_SECRET: secret, LIST_VERIFY: "check" }, tempDir()).listVerify).toBe("check");
    expect(() => loadConfig({ AUTH_SECRET: secret, LIST_VERIFY: "yes" }, tempDir())).toThrow("LIST_VERIFY");
  });

  it("reuses list plans only when PLAN_CACHE_MS is set (milliseconds, at most a minute)", () => {
    const secret = "x".repeat(40);
    expect(loadConfig({ AUTH_SECRET: secret }, tempDir()).planCacheMs).toBe(0);
    expect(loadConfig({ AUTH_SECRET: secret, PLAN_CACHE_MS: "1000" }, tempDir()).planCacheMs).toBe(1000);
    for (const bad of ["-1", "1.5", "soon", "60001"]) {
      expect(() => loadConfig({ AUTH_SECRET: secret, PLAN_CACHE_MS: bad }, tempDir())).toThrow("PLAN_CACHE_MS");
    }
  });

  it("reads SQLite through 4 connections unless SQLITE_READ_CONNECTIONS says otherwise (1 to 16)", () => {
    const secret = "x".repeat(40);
    expect(loadConfig({ AUTH_SECRET: secret }, tempDir()).sqliteReadConnections).toBe(4);
    expect(loadConfig({ AUTH_SECRET: secret, SQLITE_READ_CONNECTIONS: "1" }, tempDir()).sqliteReadConnections).toBe(1);
    for (const bad of ["0", "2.5", "many", "17"]) {
      expect(() => loadConfig({ AUTH_SECRET: secret, SQLITE_READ_CONNECTIONS: bad }, tempDir())).toThrow(
        "SQLITE_READ_CONNECTIONS",
      );
    }
  });

  it("trusts X-Forwarded-For only from the addresses TRUSTED_PROXIES lists, IPs or CIDR blocks", () => {
    const secret = "x".repeat(40);
    expect(loadConfig({ AUTH_SECRET: secret }, tempDir()).trustedProxies).toEqual([]);
    expect(
      loadConfig({ AUTH_SECRET: secret, TRUSTED_PROXIES: "127.0.0.3, 10.0.0.0/8,fd00::/8" }, tempDir()).trustedProxies,
    ).toEqual(["127.0.0.3", "10.0.0.0/8", "fd00::/8"]);
    for (const wrong of ["loopback", "127.0.0.300", "10.0.0.0/33", "*", "127.0.0.3/8/1"]) {
      expect(() => loadConfig({ AUTH_SECRET: secret, TRUSTED_PROXIES: wrong }, tempDir()), wrong).toThrow(
        "TRUSTED_PROXIES: must be a comma-separated list of IP addresses or CIDR blocks",
      );
    }
  });

  it("accepts the previous AUTH_SECRET for verification while it is being retired", () => {
    const [current, previous] = ["c".repeat(40), "p".repeat(40)];
    const config = loadConfig({ AUTH_SECRET: current, AUTH_SECRET_PREVIOUS: previous }, tempDir());
    expect(config.previousAuthSecrets).toEqual([previous]);
    expect(loadConfig({ AUTH_SECRET: current }, tempDir()).previousAuthSecrets).toEqual([]);
    expect(() => loadConfig({ AUTH_SECRET: current, AUTH_SECRET_PREVIOUS: "short" }, tempDir())).toThrow(
      "AUTH_SECRET_PREVIOUS: must be at least 32 characters",
    );
    expect(() => loadConfig({ AUTH_SECRET: current, AUTH_SECRET_PREVIOUS: current }, tempDir())).toThrow(
      "AUTH_SECRET_PREVIOUS is the same as AUTH_SECRET",
    );
  });
});
