import { SignJWT } from "jose";

/** Tokens an attacker might send. The API signs HS256 with issuer `repo-api`, `sub` and `tv` claims. */

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export interface ForgeClaims {
  sub: string;
  tv?: number;
  /** Seconds since the epoch; defaults to an hour ahead. */
  exp?: number;
  iss?: string;
  extra?: Record<string, unknown>;
}

export async function signToken(secret: string, claims: ForgeClaims): Promise<string> {
  return new SignJWT({ tv: claims.tv ?? 0, ...claims.extra })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer(claims.iss ?? "repo-api")
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 3600)
    .sign(new TextEncoder().encode(secret));
}

/** An unsigned token (`alg: none`), with and without a trailing signature segment. */
export function unsignedTokens(claims: ForgeClaims): string[] {
  const header = b64({ alg: "none", typ: "JWT" });
  const payload = b64({
    sub: claims.sub,
    tv: claims.tv ?? 0,
    iss: "repo-api",
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  return [`${header}.${payload}.`, `${header}.${payload}.x`, `${header}.${payload}.AAAA`];
}

/** The same signature over a payload with the subject (and claims) swapped. */
export function tamperPayload(token: string, patch: Record<string, unknown>): string {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || signature === undefined) throw new Error("not a JWS compact token");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>;
  return `${header}.${b64({ ...claims, ...patch })}.${signature}`;
}
