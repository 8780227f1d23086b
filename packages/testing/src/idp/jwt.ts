import { createHmac, sign } from "node:crypto";
import type { SigningKey } from "./keys.ts";

export type JwtHeader = Record<string, unknown> & { alg: string };
export type JwtClaims = Record<string, unknown>;

export function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

function encodeParts(header: JwtHeader, claims: JwtClaims): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
}

/** A compact JWS signed with an RS256 or ES256 key (JOSE's raw r||s form for ECDSA). */
export function signJwt(key: SigningKey, claims: JwtClaims, header: Partial<JwtHeader> = {}): string {
  const fullHeader: JwtHeader = { typ: "JWT", kid: key.kid, ...header, alg: header.alg ?? key.alg };
  const signingInput = encodeParts(fullHeader, claims);
  const signature =
    key.alg === "RS256"
      ? sign("sha256", Buffer.from(signingInput), key.privateKey)
      : sign("sha256", Buffer.from(signingInput), { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${signature.toString("base64url")}`;
}

/** `alg: none` with an empty signature: what an attacker sends hoping the verifier skips the check. */
export function signUnsecured(claims: JwtClaims, header: Partial<JwtHeader> = {}): string {
  return `${encodeParts({ typ: "JWT", ...header, alg: "none" }, claims)}.`;
}

/**
 * Algorithm confusion: HS256 with the IdP's PUBLIC key (its PEM text) as the HMAC secret. A
 * verifier that lets the token pick the algorithm would accept it, since anyone has that key.
 */
export function signWithPublicKeyAsHmacSecret(key: SigningKey, claims: JwtClaims): string {
  const secret = key.publicKey.export({ format: "pem", type: "spki" });
  const signingInput = encodeParts({ typ: "JWT", kid: key.kid, alg: "HS256" }, claims);
  const signature = createHmac("sha256", secret).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}
