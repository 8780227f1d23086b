import type { TestIdp } from "@repo/testing";
import {
  createOidcAuthenticator,
  defaultOidcTiming,
  OidcAuthError,
  type OidcAuthenticator,
  type OidcConfig,
  type OidcTiming,
} from "../../src/auth/oidc/index.ts";

export interface MemoryUser {
  id: string;
  email: string;
  name: string;
}

/** The user store the authenticator needs, in memory: what it reads and creates is visible to the test. */
export function memoryUsers(initial: MemoryUser[]) {
  const users = [...initial];
  return {
    users,
    findUserByEmail: async (email: string) => users.find((user) => user.email.toLowerCase() === email) ?? null,
    createUser: async ({ email, name }: { email: string; name: string }) => {
      const user = { id: `u-${users.length + 1}`, email, name };
      users.push(user);
      return user;
    },
  };
}

export interface LogLine {
  level: "info" | "warn";
  fields: Record<string, unknown>;
  message: string;
}

export function recordingLogger() {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (fields: object, message: string) => void lines.push({ level: "info", fields: { ...fields }, message }),
    warn: (fields: object, message: string) => void lines.push({ level: "warn", fields: { ...fields }, message }),
  };
}

/** Short waits so outage and rotation cases run in well under a second each. */
export const fastTiming: OidcTiming = {
  ...defaultOidcTiming,
  fetchTimeoutMs: 500,
  jwksCooldownMs: 300,
  retryAfterFailureMs: 300,
};

export function configFor(idp: TestIdp, overrides: Partial<OidcConfig> = {}): OidcConfig {
  return {
    issuer: idp.issuer,
    audience: idp.audience,
    clientId: idp.clientId,
    jwksUrl: undefined,
    emailClaim: "email",
    autoProvision: false,
    timing: fastTiming,
    ...overrides,
  };
}

export const seedUsers: MemoryUser[] = [
  { id: "john", email: "john@example.com", name: "John" },
  { id: "alice", email: "alice@example.com", name: "Alice" },
];

export function authenticatorFor(idp: TestIdp, overrides: Partial<OidcConfig> = {}) {
  const store = memoryUsers(seedUsers);
  const log = recordingLogger();
  const oidc: OidcAuthenticator = createOidcAuthenticator(configFor(idp, overrides), { ...store, logger: log });
  return { oidc, store, log };
}

/** The reason an issuer's token was refused, or "accepted:<userId>" / "not-ours". */
export async function outcome(oidc: OidcAuthenticator, token: string): Promise<string> {
  try {
    const result = await oidc.authenticate(token);
    return result ? `accepted:${result.userId}` : "not-ours";
  } catch (error) {
    if (error instanceof OidcAuthError) return error.reason;
    throw error;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
