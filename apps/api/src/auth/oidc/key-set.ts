import { createLocalJWKSet, createRemoteJWKSet, errors, type JWSHeaderParameters, type RemoteJWKSet } from "jose";
import type { OidcTiming } from "./config.ts";
import { OidcAuthError } from "./errors.ts";

type FlattenedToken = Parameters<RemoteJWKSet>[1];
export type KeyResolver = (header: JWSHeaderParameters, token: FlattenedToken) => ReturnType<RemoteJWKSet>;

// Errors that mean "the key set was fetched but has no single usable key": anything else the
// remote set throws (timeout, refused connection, HTTP 503, not JSON) means the fetch failed.
const keyLookupErrors: ReadonlySet<string> = new Set([
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSENotSupported.code,
  errors.JWKInvalid.code,
]);

/**
 * The issuer's signing keys: jose's remote key set (an unknown kid refetches the set, at most once
 * per cooldown; every fetch is bounded by the timeout) plus a back-off after a failed fetch, during
 * which requests are answered from the keys already cached without waiting on the IdP again.
 */
export function createKeyResolver(jwksUrl: () => Promise<string>, timing: OidcTiming): KeyResolver {
  let remote: RemoteJWKSet | undefined;
  let remoteUrl: string | undefined;
  let retryAt = 0;

  const remoteSet = async () => {
    const url = await jwksUrl();
    if (!remote || remoteUrl !== url) {
      remoteUrl = url;
      remote = createRemoteJWKSet(new URL(url), {
        timeoutDuration: timing.fetchTimeoutMs,
        cooldownDuration: timing.jwksCooldownMs,
        cacheMaxAge: timing.jwksCacheMaxAgeMs,
      });
    }
    return remote;
  };

  return async (header, token) => {
    const keys = await remoteSet();
    if (Date.now() < retryAt) {
      const cached = keys.fresh ? keys.jwks() : undefined;
      if (!cached) throw new OidcAuthError("idp_unreachable", `JWKS ${remoteUrl} failed recently and no key is cached`);
      try {
        return await createLocalJWKSet(cached)(header, token);
      } catch (error) {
        if (!(error instanceof errors.JWKSNoMatchingKey)) throw error;
        throw new OidcAuthError("unknown_key", `kid ${header.kid} is not cached and JWKS ${remoteUrl} failed recently`);
      }
    }
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && keyLookupErrors.has(error.code)) throw error;
      retryAt = Date.now() + timing.retryAfterFailureMs;
      const reason =
        error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ""}` : error;
      throw new OidcAuthError("idp_unreachable", `JWKS ${remoteUrl} fetch failed: ${reason}`);
    }
  };
}
