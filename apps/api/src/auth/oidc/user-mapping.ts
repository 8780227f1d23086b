import type { JWTPayload } from "jose";
import { OidcAuthError } from "./errors.ts";

export interface OidcLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** How the authenticator reads and creates users: the API passes its database here. */
export interface OidcUserStore<U extends { id: string }> {
  /** The user with this email (given lower-cased); throw OidcAuthError("ambiguous_email") for several. */
  findUserByEmail(email: string): Promise<U | null>;
  /** A least-privilege user: role user, no department, no memberships, no usable password. */
  createUser(input: { email: string; name: string }): Promise<U>;
}

/**
 * A verified token → a user id. Only the email is taken from the token, and only when the IdP says
 * it verified it (otherwise whoever registers alice's address at the IdP becomes alice). Roles,
 * department and memberships are read from the database by the caller, never from claims.
 */
export function createUserMapper<U extends { id: string }>(
  options: { emailClaim: string; autoProvision: boolean },
  store: OidcUserStore<U>,
  logger: OidcLogger,
) {
  // Concurrent first requests of one new user create one row, not several.
  const provisioning = new Map<string, Promise<U>>();

  const provision = (email: string, name: string) => {
    let pending = provisioning.get(email);
    if (!pending) {
      pending = store.createUser({ email, name }).finally(() => provisioning.delete(email));
      provisioning.set(email, pending);
    }
    return pending;
  };

  return async (payload: JWTPayload): Promise<{ userId: string }> => {
    const claim = payload[options.emailClaim];
    if (typeof claim !== "string" || !/^[^\s@]+@[^\s@]+$/.test(claim.trim())) {
      throw new OidcAuthError("missing_email", `claim ${options.emailClaim}`);
    }
    if (payload.email_verified !== true) {
      throw new OidcAuthError("email_not_verified", `email_verified=${JSON.stringify(payload.email_verified)}`);
    }
    const email = claim.trim().toLowerCase();
    const existing = await store.findUserByEmail(email);
    if (existing) return { userId: existing.id };
    if (!options.autoProvision) throw new OidcAuthError("unknown_user", `${email} (OIDC_AUTO_PROVISION is off)`);
    const name = typeof payload.name === "string" && payload.name.trim() ? payload.name.trim() : email;
    const created = await provision(email, name);
    logger.info(
      { userId: created.id, email, sub: payload.sub },
      "oidc: created a least-privilege user on first sign-in",
    );
    return { userId: created.id };
  };
}
