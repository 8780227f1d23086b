import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthorizationCodes, TestIdpUser } from "./authorization-flow.ts";
import type { JwtClaims } from "./jwt.ts";

/** What the HTTP routes need from the running IdP. */
export interface RouteContext {
  issuer: string;
  /** Path prefix of the issuer (Okta style: /oauth2/default). */
  basePath: string;
  jwks(): { keys: object[] };
  codes: AuthorizationCodes;
  currentUser(): TestIdpUser;
  issueTokens(user: TestIdpUser, nonce: string | undefined, scope: string): JwtClaims;
  recordRequest(path: string): void;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    // The browser's PKCE flow calls discovery and the token endpoint from the web app's origin.
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "content-type, authorization",
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RouteContext): Promise<void> {
  const url = new URL(req.url ?? "/", ctx.issuer);
  ctx.recordRequest(url.pathname);
  if (req.method === "OPTIONS") return send(res, 204, undefined, { "access-control-allow-methods": "GET, POST" });
  const route = url.pathname.startsWith(ctx.basePath) ? url.pathname.slice(ctx.basePath.length) : url.pathname;
  if (req.method === "GET" && route === "/.well-known/openid-configuration") {
    return send(res, 200, {
      issuer: ctx.issuer,
      authorization_endpoint: `${ctx.issuer}/v1/authorize`,
      token_endpoint: `${ctx.issuer}/v1/token`,
      jwks_uri: `${ctx.issuer}/v1/keys`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code"],
      code_challenge_methods_supported: ["S256"],
      id_token_signing_alg_values_supported: ["RS256", "ES256"],
      scopes_supported: ["openid", "email", "profile"],
    });
  }
  if (req.method === "GET" && route === "/v1/keys") return send(res, 200, ctx.jwks());
  if (req.method === "GET" && route === "/v1/authorize") {
    const result = ctx.codes.authorize(url.searchParams, ctx.currentUser());
    if (!result.ok) return send(res, result.status, { error: result.error, error_description: result.description });
    res.writeHead(302, { location: result.value, "cache-control": "no-store" });
    res.end();
    return;
  }
  if (req.method === "POST" && route === "/v1/token") {
    const result = ctx.codes.redeem(await readForm(req));
    if (!result.ok) return send(res, result.status, { error: result.error, error_description: result.description });
    return send(res, 200, ctx.issueTokens(result.value.user, result.value.nonce, result.value.scope));
  }
  send(res, 404, { error: "not_found" });
}
