import { randomUUID } from "node:crypto";
import type { Principal } from "@cerbos/core";
import type { Request, Response } from "express";
import { principalOf } from "./auth/principal.ts";
import type { LoginLimiter } from "./auth/rate-limit.ts";
import type { TokenService } from "./auth/token.ts";
import type { Pdp } from "./authz/pdp.ts";
import type { Database } from "./db/database.ts";
import type { MembershipModel, UserModel } from "./db/models/index.ts";
import type { Logger } from "./logger.ts";

/** Long-lived services shared by every request. */
export interface AppDeps {
  db: Database;
  pdp: Pdp;
  tokens: TokenService;
  loginLimiter: LoginLimiter;
  log: Logger;
}

export interface Session {
  user: UserModel;
  memberships: MembershipModel[];
  principal: Principal;
}

export type AuthFailure = "missing" | "malformed" | "invalid" | "revoked";

export interface Context extends AppDeps {
  requestId: string;
  /** Null when the request carries no valid token; protectedProcedure then answers UNAUTHORIZED. */
  session: Session | null;
  authFailure: AuthFailure | undefined;
  /** Every Cerbos call id of this request, for the request log line. */
  cerbosCallIds: string[];
}

export function createContextFactory(deps: AppDeps) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const requestIdHeader = req.headers["x-request-id"];
    const requestId =
      typeof requestIdHeader === "string" && /^[\w.-]{1,64}$/.test(requestIdHeader) ? requestIdHeader : randomUUID();
    // Echoed so a user can quote it when reporting an error; the log lines carry it too.
    res.setHeader("x-request-id", requestId);
    const { session, failure } = await authenticate(req.headers.authorization, deps);
    return {
      ...deps,
      log: deps.log.child({ requestId }),
      requestId,
      session,
      authFailure: failure,
      cerbosCallIds: [],
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
  deps: Pick<AppDeps, "db" | "tokens">,
): Promise<{ session: Session | null; failure: AuthFailure | undefined }> {
  if (!header) return { session: null, failure: "missing" };
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header);
  if (!match?.[1]) return { session: null, failure: "malformed" };
  const claims = await deps.tokens.verify(match[1]);
  if (!claims) return { session: null, failure: "invalid" };
  const { User, Membership } = deps.db.models;
  const user = await User.findByPk(claims.userId, { include: [{ model: Membership, as: "memberships" }] });
  if (!user || user.tokenVersion !== claims.tokenVersion) return { session: null, failure: "revoked" };
  const memberships = user.memberships ?? [];
  return { session: { user, memberships, principal: principalOf(user, memberships) }, failure: undefined };
}
