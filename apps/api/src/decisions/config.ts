import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** How the API reads decisions back from the PDPs' own audit trail (their Admin API). */
export interface AuditTrailConfig {
  /** Every PDP the API asks: each keeps the decisions it made in its own store. */
  pdpUrls: string[];
  /** The PDPs' Admin API credentials (basic auth). */
  username: string;
  password: string;
  /** A PDP slower than this counts as not answering (default 2000 ms). */
  timeoutMs?: number;
}

export class AuditTrailConfigError extends Error {
  override name = "AuditTrailConfigError";
}

/**
 * The audit trail from the environment: `CERBOS_ADMIN_USERNAME` and `CERBOS_ADMIN_PASSWORD` (the
 * PDPs' Admin API), asked at `pdpUrls`. Outside production, without them, the credentials the dev
 * PDP generated into `<dataDir>/cerbos-admin.json` (@repo/pdp's `devAdminCredentials`) when that
 * file exists. Undefined: decision lookup is off (it answers PRECONDITION_FAILED).
 */
export function loadAuditTrailConfig(
  env: NodeJS.ProcessEnv,
  options: { pdpUrls: string[]; dataDir: string; production: boolean; timeoutMs?: number },
): AuditTrailConfig | undefined {
  const username = env.CERBOS_ADMIN_USERNAME || undefined;
  const password = env.CERBOS_ADMIN_PASSWORD || undefined;
  if ((username === undefined) !== (password === undefined)) {
    throw new AuditTrailConfigError("Set both CERBOS_ADMIN_USERNAME and CERBOS_ADMIN_PASSWORD, or neither.");
  }
  const base = { pdpUrls: options.pdpUrls, timeoutMs: options.timeoutMs };
  if (username && password) return { ...base, username, password };
  const devFile = join(options.dataDir, "cerbos-admin.json");
  if (options.production || !existsSync(devFile)) return undefined;
  const dev = JSON.parse(readFileSync(devFile, "utf8")) as { username?: unknown; password?: unknown };
  if (typeof dev.username !== "string" || typeof dev.password !== "string") {
    throw new AuditTrailConfigError(
      `${devFile} does not hold a username and a password: delete it and restart the PDP.`,
    );
  }
  return { ...base, username: dev.username, password: dev.password };
}
