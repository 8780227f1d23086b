import { errors } from "jose";

/** Why an issuer's token was refused. Each is logged; the client gets the matching message. */
export const oidcFailureMessages = {
  malformed: "The identity provider token is malformed.",
  algorithm_not_allowed: "The identity provider token uses a signing algorithm this API does not accept.",
  invalid_signature: "The identity provider token's signature is invalid.",
  wrong_audience: "The identity provider token was issued for another audience.",
  wrong_issuer: "The identity provider token was issued by another issuer.",
  expired: "The identity provider token has expired: sign in again.",
  not_yet_valid: "The identity provider token is not valid yet.",
  invalid_claims: "The identity provider token lacks a required claim.",
  unknown_key: "The identity provider token is signed with a key this API does not know.",
  idp_unreachable: "The identity provider cannot be reached to check this token; try again shortly.",
  verification_failed: "The identity provider token could not be verified.",
  missing_email: "The identity provider token carries no email address.",
  email_not_verified: "The identity provider has not verified this email address.",
  unknown_user: "No account uses this email address; ask an administrator to create one.",
  ambiguous_email: "Several accounts use this email address; ask an administrator.",
} as const;

export type OidcFailureReason = keyof typeof oidcFailureMessages;

/** A token from the configured issuer that must be refused: the API answers UNAUTHORIZED. */
export class OidcAuthError extends Error {
  override name = "OidcAuthError";
  readonly code = "UNAUTHORIZED";
  constructor(
    readonly reason: OidcFailureReason,
    /** For the log only (kid, claim, IdP status): never sent to the client. */
    readonly detail?: string,
  ) {
    super(oidcFailureMessages[reason]);
  }
}

const reasonByJoseCode: Record<string, OidcFailureReason> = {
  [errors.JWTExpired.code]: "expired",
  [errors.JOSEAlgNotAllowed.code]: "algorithm_not_allowed",
  [errors.JWSSignatureVerificationFailed.code]: "invalid_signature",
  [errors.JWKSNoMatchingKey.code]: "unknown_key",
  [errors.JWKSMultipleMatchingKeys.code]: "unknown_key",
  [errors.JWSInvalid.code]: "malformed",
  [errors.JWTInvalid.code]: "malformed",
  [errors.JOSENotSupported.code]: "algorithm_not_allowed",
  [errors.JWKSTimeout.code]: "idp_unreachable",
  [errors.JWKSInvalid.code]: "idp_unreachable",
};

const reasonByClaim: Record<string, OidcFailureReason> = {
  aud: "wrong_audience",
  iss: "wrong_issuer",
  nbf: "not_yet_valid",
};

/** Any error thrown while verifying an issuer's token, as the reason to refuse it. */
export function toOidcAuthError(error: unknown): OidcAuthError {
  if (error instanceof OidcAuthError) return error;
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new OidcAuthError(reasonByClaim[error.claim] ?? "invalid_claims", `${error.claim}: ${error.reason}`);
  }
  if (error instanceof errors.JOSEError) {
    return new OidcAuthError(reasonByJoseCode[error.code] ?? "verification_failed", error.message);
  }
  return new OidcAuthError("verification_failed", error instanceof Error ? error.message : String(error));
}
