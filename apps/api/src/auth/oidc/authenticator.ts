import { decodeJwt, decodeProtectedHeader, errors, jwtVerify } from "jose";
import type { OidcConfig } from "./config.ts";
import { createDiscovery } from "./discovery.ts";
import { OidcAuthError, toOidcAuthError } from "./errors.ts";
import { createKeyResolver } from "./key-set.ts";
import { createUserMapper, type OidcLogger, type OidcUserStore } from "./user-mapping.ts";

/** Asymmetric only: no HS* (anyone holding the public key could sign), never `none`. */
export const acceptedAlgorithms = ["RS256", "ES256"];

export interface OidcPublicInfo {
  issuer: string;
  clientId: string;
  audience: string;
  /** Known once discovery succeeded. */
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  scopes: string[];
}

export interface OidcAuthenticator {
  /**
   * null: the token is not from the configured issuer (the caller tries its own tokens).
   * Throws OidcAuthError: an issuer token that must be refused (UNAUTHORIZED).
   */
  authenticate(token: string): Promise<{ userId: string } | null>;
  /** What the web app needs for "Sign in with your identity provider"; never secrets. */
  publicInfo(): OidcPublicInfo;
  /** publicInfo after trying discovery once (bounded by the fetch timeout); never throws. */
  discover(): Promise<OidcPublicInfo>;
}

export interface OidcDeps<U extends { id: string }> extends OidcUserStore<U> {
  logger: OidcLogger;
}

/** The `iss` of a compact JWT without verifying it, to route the token; undefined when not a JWT. */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
}

export function createOidcAuthenticator<U extends { id: string }>(
  config: OidcConfig,
  deps: OidcDeps<U>,
): OidcAuthenticator {
  const { timing } = config;
  const discovery = createDiscovery(config.issuer, timing);
  const jwksUrl = async () => {
    if (config.jwksUrl) return config.jwksUrl;
    try {
      return (await discovery.get()).jwks_uri;
    } catch (error) {
      throw new OidcAuthError("idp_unreachable", `discovery: ${error instanceof Error ? error.message : error}`);
    }
  };
  const resolveKey = createKeyResolver(jwksUrl, timing);
  const mapUser = createUserMapper(config, deps, deps.logger);
  let warnedAboutSlash = false;

  const publicInfo = (): OidcPublicInfo => {
    const metadata = discovery.current();
    return {
      issuer: config.issuer,
      clientId: config.clientId,
      audience: config.audience,
      authorizationEndpoint: metadata?.authorization_endpoint,
      tokenEndpoint: metadata?.token_endpoint,
      scopes: ["openid", "email", "profile"],
    };
  };

  return {
    publicInfo,
    async discover() {
      await discovery.get().catch((error: unknown) => {
        deps.logger.warn({ err: error, issuer: config.issuer }, "oidc: discovery failed");
      });
      return publicInfo();
    },
    async authenticate(token) {
      const issuer = unverifiedIssuer(token);
      if (issuer !== config.issuer) {
        if (!warnedAboutSlash && issuer?.replace(/\/$/, "") === config.issuer.replace(/\/$/, "")) {
          warnedAboutSlash = true;
          deps.logger.warn({ tokenIssuer: issuer, configured: config.issuer }, "oidc: OIDC_ISSUER differs by a slash");
        }
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, resolveKey, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: acceptedAlgorithms,
          clockTolerance: timing.clockToleranceSeconds,
          requiredClaims: ["exp"],
        });
        return await mapUser(payload);
      } catch (error) {
        // Anything else (the database failed) is the server's problem, not a refusal of the token.
        if (!(error instanceof OidcAuthError) && !(error instanceof errors.JOSEError)) throw error;
        const refusal = toOidcAuthError(error);
        const fields = { reason: refusal.reason, detail: refusal.detail, kid: headerKid(token) };
        const serious = refusal.reason === "unknown_key" || refusal.reason === "idp_unreachable";
        deps.logger[serious ? "warn" : "info"](fields, `oidc: token refused: ${refusal.reason}`);
        throw refusal;
      }
    },
  };
}

function headerKid(token: string): string | undefined {
  try {
    return decodeProtectedHeader(token).kid;
  } catch {
    return undefined;
  }
}
