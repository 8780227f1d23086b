import { z } from "zod";

/** How the verifier talks to the IdP. Defaults suit production; tests shorten them. */
export interface OidcTiming {
  /** Upper bound of one discovery or JWKS request. */
  fetchTimeoutMs: number;
  /** After a successful JWKS fetch, an unknown kid triggers no new fetch for this long (rotation delay). */
  jwksCooldownMs: number;
  /** Cached keys are re-fetched after this long; while the IdP is down they work until then. */
  jwksCacheMaxAgeMs: number;
  /** After a failed discovery or JWKS fetch, no new attempt for this long (requests answer at once). */
  retryAfterFailureMs: number;
  /** Allowed clock skew for exp and nbf. */
  clockToleranceSeconds: number;
}

export interface OidcConfig {
  issuer: string;
  audience: string;
  clientId: string;
  /** Undefined: discovered from `<issuer>/.well-known/openid-configuration` at first use. */
  jwksUrl: string | undefined;
  emailClaim: string;
  autoProvision: boolean;
  timing: OidcTiming;
}

export const defaultOidcTiming: OidcTiming = {
  fetchTimeoutMs: 2000,
  jwksCooldownMs: 5000,
  jwksCacheMaxAgeMs: 10 * 60 * 1000,
  retryAfterFailureMs: 5000,
  clockToleranceSeconds: 30,
};

export class OidcConfigError extends Error {
  override name = "OidcConfigError";
}

const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
/** https only, except plain http on loopback (a local IdP in dev and tests). */
const idpUrl = z.url({ error: "must be a URL" }).refine((value) => {
  if (!URL.canParse(value)) return true; // already reported as "must be a URL"
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url));
}, "must be an https URL (plain http only on 127.0.0.1 or localhost)");
// An empty variable (`OIDC_ISSUER=` in a .env file) means unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  OIDC_ISSUER: optional(idpUrl),
  OIDC_AUDIENCE: optional(z.string().trim().min(1)),
  OIDC_CLIENT_ID: optional(z.string().trim().min(1)),
  OIDC_JWKS_URL: optional(idpUrl),
  OIDC_EMAIL_CLAIM: optional(z.string().trim().min(1)),
  OIDC_AUTO_PROVISION: optional(z.enum(["true", "false"], { error: 'must be "true" or "false"' })),
});

/**
 * The OIDC settings, or undefined when OIDC_ISSUER is unset (only the built-in login then).
 * Throws OidcConfigError listing every problem, so a half-configured IdP stops the start-up.
 */
export function loadOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | undefined {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new OidcConfigError(formatProblems(problems));
  }
  const vars = parsed.data;
  if (!vars.OIDC_ISSUER) {
    const stray = (["OIDC_AUDIENCE", "OIDC_CLIENT_ID", "OIDC_JWKS_URL"] as const).filter((name) => vars[name]);
    if (stray.length === 0) return undefined;
    throw new OidcConfigError(
      formatProblems([`OIDC_ISSUER: required when ${stray.join(", ")} ${stray.length > 1 ? "are" : "is"} set`]),
    );
  }
  const missing = (["OIDC_AUDIENCE", "OIDC_CLIENT_ID"] as const).filter((name) => !vars[name]);
  if (missing.length > 0) {
    throw new OidcConfigError(formatProblems(missing.map((name) => `${name}: required when OIDC_ISSUER is set`)));
  }
  return {
    issuer: vars.OIDC_ISSUER,
    audience: vars.OIDC_AUDIENCE!,
    clientId: vars.OIDC_CLIENT_ID!,
    jwksUrl: vars.OIDC_JWKS_URL,
    emailClaim: vars.OIDC_EMAIL_CLAIM ?? "email",
    autoProvision: vars.OIDC_AUTO_PROVISION === "true",
    timing: defaultOidcTiming,
  };
}

function formatProblems(problems: string[]): string {
  return `Invalid OIDC configuration (see apps/api/src/auth/oidc/README.md):\n${problems.map((p) => `  ${p}`).join("\n")}`;
}
