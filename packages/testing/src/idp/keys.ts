import { generateKeyPairSync, type JsonWebKey, type KeyObject, randomBytes } from "node:crypto";

/** The asymmetric algorithms a real IdP signs access tokens with (Okta, Auth0, Keycloak, Entra ID). */
export type SigningAlgorithm = "RS256" | "ES256";

export interface SigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public half as the IdP publishes it in its JWKS. */
  publicJwk: JsonWebKey & { kid: string; alg: SigningAlgorithm; use: "sig" };
}

/**
 * A fresh key pair from node:crypto. The test IdP deliberately signs without jose, so a bug in
 * jose's signing could never hide a bug in the API's jose-based verification.
 */
export function generateSigningKey(
  alg: SigningAlgorithm,
  kid = `${alg.toLowerCase()}-${randomBytes(6).toString("hex")}`,
) {
  const { privateKey, publicKey } =
    alg === "RS256"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const key: SigningKey = {
    kid,
    alg,
    privateKey,
    publicKey,
    publicJwk: { ...publicKey.export({ format: "jwk" }), kid, alg, use: "sig" },
  };
  return key;
}
