import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import bcrypt from "bcryptjs";

/**
 * The PDP's Admin API and local audit store, for the PDPs this repository starts itself (dev
 * runner, tests, the API's own local PDP). The shipped cerbos.yaml keeps the Admin API off and
 * writes decisions to a file: an external deployment enables them in its own configuration.
 */
export interface AdminApiOptions {
  /** Basic-auth user of the Admin API. */
  username: string;
  /** Its password (Cerbos is given only a bcrypt hash of it). */
  password: string;
  /**
   * Folder of the local audit store (`audit.backend: local`): decisions are kept there and can
   * be looked up by call id through the Admin API. One PDP per folder (the store locks it).
   */
  auditStorePath: string;
}

/** The `--set` overrides that enable the Admin API and the local audit store. */
export function adminApiSettings({ username, password, auditStorePath }: AdminApiOptions): Record<string, string> {
  if (!/^[\w.-]+$/.test(username)) throw new Error("the Admin API username may hold only letters, digits, _ . -");
  if (password.length < 12) throw new Error("the Admin API password needs at least 12 characters");
  return {
    "server.adminAPI.enabled": "true",
    "server.adminAPI.adminCredentials.username": username,
    // Cerbos wants the bcrypt hash, base64-encoded (60 characters: no `=` padding in the flag).
    "server.adminAPI.adminCredentials.passwordHash": Buffer.from(bcrypt.hashSync(password, 10)).toString("base64"),
    "audit.backend": "local",
    "audit.local.storagePath": auditStorePath,
    // Each decision is written as it is made (the default batches them for up to 30 s), so the
    // call id a user just got can be looked up at once.
    "audit.local.advanced.maxBatchSize": "1",
    "audit.local.advanced.flushInterval": "1s",
  };
}

/**
 * The Admin API credentials of the dev PDP and of the API that asks it: CERBOS_ADMIN_USERNAME and
 * CERBOS_ADMIN_PASSWORD when both are set, else a pair generated once into
 * `<dataDir>/cerbos-admin.json` (mode 600), which both processes read.
 */
export function devAdminCredentials(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { username: string; password: string } {
  const { CERBOS_ADMIN_USERNAME: username, CERBOS_ADMIN_PASSWORD: password } = env;
  if (username && password) return { username, password };
  const file = join(dataDir, "cerbos-admin.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { username: string; password: string };
  const generated = { username: "repo-dev", password: randomBytes(18).toString("base64url") };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(generated)}\n`, { mode: 0o600 });
  return generated;
}
