import { errors, jwtVerify, SignJWT } from "jose";

const issuer = "repo-api";
const algorithm = "HS256";

export interface TokenClaims {
  userId: string;
  /** The user's tokenVersion when the token was issued; logout and ban bump it. */
  tokenVersion: number;
}

export interface TokenService {
  issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }>;
  /** Undefined when the token is malformed, expired, or signed with another key. */
  verify(token: string): Promise<TokenClaims | undefined>;
  /** True for a token of ours (signature and issuer check out) that is past its expiry. */
  isExpired(token: string): Promise<boolean>;
}

/**
 * HS256 tokens signed with `secret`. Tokens signed with one of `previousSecrets` still verify
 * (AUTH_SECRET_PREVIOUS), so AUTH_SECRET can be rotated without signing everyone out: new tokens
 * use the new secret, old ones keep working until they expire (at most `ttlSeconds`), then the
 * previous secret can go.
 */
export function createTokenService(
  secret: string,
  ttlSeconds = 8 * 60 * 60,
  previousSecrets: readonly string[] = [],
): TokenService {
  const encode = (text: string) => new TextEncoder().encode(text);
  const key = encode(secret);
  // Each secret imported once as a CryptoKey: given raw bytes, jose imports the key again on
  // every verification (an extra WebCrypto call per request).
  const hmacKey = (bytes: Uint8Array) => {
    const raw = new Uint8Array(bytes); // an ArrayBuffer-backed copy, as the DOM typings of importKey ask
    const imported = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
    imported.catch(() => undefined); // a key that does not import fails its verifications, not the process
    return imported;
  };
  const keys = [key, ...previousSecrets.map(encode)].map(hmacKey);
  const options = { issuer, algorithms: [algorithm], requiredClaims: ["exp"] };
  /** The verified payload under the first key whose signature matches; else the error of the current key. */
  const verified = async (token: string) => {
    let firstError: unknown;
    for (const candidate of keys) {
      try {
        return (await jwtVerify(token, await candidate, options)).payload;
      } catch (error) {
        firstError ??= error;
        // A signature of this key that is expired or has other bad claims: no other key signed it.
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw error;
      }
    }
    throw firstError;
  };
  return {
    async issue({ userId, tokenVersion }) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({ tv: tokenVersion })
        .setProtectedHeader({ alg: algorithm })
        .setSubject(userId)
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(key);
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        const payload = await verified(token);
        if (typeof payload.sub !== "string" || typeof payload.tv !== "number") return undefined;
        return { userId: payload.sub, tokenVersion: payload.tv };
      } catch {
        return undefined;
      }
    },
    async isExpired(token) {
      try {
        await verified(token);
        return false;
      } catch (error) {
        // jose checks the claims only after the signature: JWTExpired means a genuine token.
        return error instanceof errors.JWTExpired;
      }
    },
  };
}
