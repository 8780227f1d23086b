import { randomUUID } from "node:crypto";
import type { Principal } from "@cerbos/core";
import type { Request, Response } from "express";
import { OidcAuthError, type OidcAuthenticator } from "./auth/oidc/index.ts";
import { principalOf } from "./auth/principal.ts";
import type { LoginLimiter } from "./auth/rate-limit.ts";
import type { TokenService } from "./auth/token.ts";
import type { Pdp } from "./authz/pdp.ts";
import type { ListVerify } from "./authz/query.ts";
import type { DenialsByCall } from "./authz/reasons.ts";
import type { Database } from "./db/database.ts";
import type { MembershipModel, UserModel } from "./db/models/index.ts";
import { isDatabaseUnavailable } from "./db/unavailable.ts";
import type { AuditTrail } from "./decisions/audit-trail.ts";
import { databaseUnavailable } from "./errors.ts";
import { clientAddressOf } from "./http/client-address.ts";
import type { Logger } from "./logger.ts";

/** Long-lived services shared by every request. */
export interface AppDeps {
  db: Database;
  pdp: Pdp;
  tokens: TokenService;
  loginLimiter: LoginLimiter;
  log: Logger;
  /** Set when OIDC_ISSUER is configured: the identity provider's access tokens are accepted too. */
  oidc?: OidcAuthenticator;
  /** LIST_VERIFY: `check` also asks CheckResources about every list page (default `off`: the plans in SQL only). */
  listVerify?: ListVerify;
  /** The PDPs' audit trail (their Admin API), for the admins' decision lookup; unset: not configured. */
  auditTrail?: AuditTrail;
}

export interface Session {
  user: UserModel;
  memberships: MembershipModel[];
  principal: Principal;
  /** The API token's `tv` claim (undefined for an identity provider's token): it must stay the user's tokenVersion. */
  tokenVersion: number | undefined;
}

/** Why a request has no session (UNAUTHORIZED's `data.authFailure`). */
export type AuthFailure = "missing" | "malformed" | "expired" | "invalid" | "revoked" | "idp";

export interface Context extends AppDeps {
  requestId: string;
  /** Null when the request carries no valid token; protectedProcedure then answers UNAUTHORIZED. */
  session: Session | null;
  authFailure: AuthFailure | undefined;
  /** Why an identity provider token was refused (OidcAuthError.message), for the UNAUTHORIZED answer. */
  authFailureMessage: string | undefined;
  /** Every Cerbos call id of this request, for the request log line. */
  cerbosCallIds: string[];
  /** The denials of this request's CheckResources calls with their reasons, by call id (authz/reasons.ts). */
  denials: DenialsByCall;
  /** The caller's address: the socket's, or X-Forwarded-For's when the socket is a trusted proxy (http/client-address.ts). */
  clientAddress: string;
}

export function createContextFactory(deps: AppDeps) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const requestIdHeader = req.headers["x-request-id"];
    const requestId =
      typeof requestIdHeader === "string" && /^[\w.-]{1,64}$/.test(requestIdHeader) ? requestIdHeader : randomUUID();
    // Echoed so a user can quote it when reporting an error; the log lines carry it too.
    res.setHeader("x-request-id", requestId);
    const { session, failure, failureMessage } = await authenticate(req.headers.authorization, deps).catch(
      (error: unknown) => {
        throw isDatabaseUnavailable(error) ? databaseUnavailable(error) : error;
      },
    );
    return {
      ...deps,
      log: deps.log.child({ requestId }),
      requestId,
      session,
      authFailure: failure,
      authFailureMessage: failureMessage,
      cerbosCallIds: [],
      denials: new Map(),
      clientAddress: clientAddressOf(req),
    };
  };
}

/**
 * Bearer token → user → principal. The user row (role, department, ban, memberships) is read
 * on every request and the token's version must match the row's, so logout and bans take
 * effect at once on every replica.
 */
export async function authenticate(
  header: string | undefined,
  deps: Pick<AppDeps, "db" | "tokens" | "oidc">,
): Promise<{ session: Session | null; failure: AuthFailure | undefined; failureMessage?: string }> {
  if (!header) return { session: null, failure: "missing" };
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
  if (!match?.[1]) return { session: null, failure: "malformed" };
  const token = match[1];
  let userId: string;
  // Undefined for an identity provider token: it carries no API token version (it expires on the IdP's schedule).
  let tokenVersion: number | undefined;
  try {
    // The IdP's token when its `iss` is OIDC_ISSUER (null otherwise: then one of ours).
    const identity = deps.oidc ? await deps.oidc.authenticate(token) : null;
    if (identity) {
      userId = identity.userId;
    } else {
      const claims = await deps.tokens.verify(token);
      if (!claims) return { session: null, failure: (await deps.tokens.isExpired(token)) ? "expired" : "invalid" };
      ({ userId, tokenVersion } = claims);
    }
  } catch (error) {
    if (error instanceof OidcAuthError) return { session: null, failure: "idp", failureMessage: error.message };
    throw error;
  }
  const session = await loadSession(deps.db, userId, tokenVersion);
  return session ? { session, failure: undefined } : { session: null, failure: "revoked" };
}

/**
 * The user's session as the database has it now (one query: user and memberships together);
 * null when the user is gone or, for an API token, its version is no longer the user's.
 */
export async function loadSession(db: Database, userId: string, tokenVersion: number | undefined) {
  const { User, Membership } = db.models;
  const user = await User.findByPk(userId, { include: [{ model: Membership, as: "memberships" }] });
  if (!user || (tokenVersion !== undefined && user.tokenVersion !== tokenVersion)) return null;
  const memberships = user.memberships ?? [];
  return { user, memberships, principal: principalOf(user, memberships), tokenVersion } satisfies Session;
}
