export type { TestIdpUser } from "./authorization-flow.ts";
export { type JwtClaims, type JwtHeader, signJwt, signUnsecured, signWithPublicKeyAsHmacSecret } from "./jwt.ts";
export { generateSigningKey, type SigningAlgorithm, type SigningKey } from "./keys.ts";
export { pkceChallenge, pkceVerifier } from "./pkce.ts";
export { type MintOptions, startTestIdp, type TestIdp, type TestIdpMode, type TestIdpOptions } from "./server.ts";
