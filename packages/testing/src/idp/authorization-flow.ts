import { randomBytes } from "node:crypto";
import { pkceChallenge } from "./pkce.ts";

/** The user the test IdP signs in without asking (there is no login page). */
export interface TestIdpUser {
  sub: string;
  email: string;
  /** Default true. */
  emailVerified?: boolean;
  name?: string;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  scope: string;
  user: TestIdpUser;
  expiresAt: number;
}

export type FlowResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string; description: string };

const fail = (status: number, error: string, description: string) =>
  ({ ok: false, status, error, description }) as const;

/** Authorization codes: single use, one minute, bound to the client, redirect URI and PKCE challenge. */
export class AuthorizationCodes {
  private readonly pending = new Map<string, PendingCode>();

  constructor(
    private readonly clientId: string,
    private readonly isAllowedRedirect: (uri: string) => boolean,
  ) {}

  /** GET /authorize: checks the request and, on success, the URL to redirect the browser to. */
  authorize(params: URLSearchParams, user: TestIdpUser): FlowResult<string> {
    const redirectUri = params.get("redirect_uri") ?? "";
    if (params.get("client_id") !== this.clientId) return fail(400, "unauthorized_client", "unknown client_id");
    if (!this.isAllowedRedirect(redirectUri)) return fail(400, "invalid_request", "redirect_uri not allowed");
    if (params.get("response_type") !== "code") return fail(400, "unsupported_response_type", "only code");
    const challenge = params.get("code_challenge");
    if (!challenge || params.get("code_challenge_method") !== "S256") {
      return fail(400, "invalid_request", "PKCE with code_challenge_method=S256 is required");
    }
    const code = randomBytes(24).toString("base64url");
    this.pending.set(code, {
      clientId: this.clientId,
      redirectUri,
      challenge,
      nonce: params.get("nonce") ?? undefined,
      scope: params.get("scope") ?? "openid",
      user,
      expiresAt: Date.now() + 60_000,
    });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    const state = params.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return { ok: true, value: target.href };
  }

  /** POST /token with grant_type=authorization_code: the code's user when every binding matches. */
  redeem(form: URLSearchParams): FlowResult<{ user: TestIdpUser; nonce: string | undefined; scope: string }> {
    if (form.get("grant_type") !== "authorization_code") {
      return fail(400, "unsupported_grant_type", "only authorization_code");
    }
    const code = form.get("code") ?? "";
    const pending = this.pending.get(code);
    this.pending.delete(code);
    if (!pending || pending.expiresAt < Date.now()) return fail(400, "invalid_grant", "unknown, used or expired code");
    if (form.get("client_id") !== pending.clientId) return fail(400, "invalid_grant", "client_id mismatch");
    if (form.get("redirect_uri") !== pending.redirectUri) return fail(400, "invalid_grant", "redirect_uri mismatch");
    const verifier = form.get("code_verifier") ?? "";
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || pkceChallenge(verifier) !== pending.challenge) {
      return fail(400, "invalid_grant", "PKCE verification failed");
    }
    return { ok: true, value: { user: pending.user, nonce: pending.nonce, scope: pending.scope } };
  }
}
