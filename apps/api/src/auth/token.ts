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

export function createTokenService(secret: string, ttlSeconds = 8 * 60 * 60): TokenService {
  const key = new TextEncoder().encode(secret);
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
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: [algorithm], requiredClaims: ["exp"] });
        if (typeof payload.sub !== "string" || typeof payload.tv !== "number") return undefined;
        return { userId: payload.sub, tokenVersion: payload.tv };
      } catch {
        return undefined;
      }
    },
    async isExpired(token) {
      try {
        await jwtVerify(token, key, { issuer, algorithms: [algorithm], requiredClaims: ["exp"] });
        return false;
      } catch (error) {
        // jose checks the claims only after the signature: JWTExpired means a genuine token.
        return error instanceof errors.JWTExpired;
      }
    },
  };
}
