import { createHash, randomBytes } from "node:crypto";

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function pkceChallenge(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

/** A verifier of 43 characters from the unreserved set, as a browser client would make. */
export function pkceVerifier(): string {
  return randomBytes(32).toString("base64url");
}
