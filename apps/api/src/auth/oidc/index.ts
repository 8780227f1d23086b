export {
  acceptedAlgorithms,
  createOidcAuthenticator,
  type OidcAuthenticator,
  type OidcDeps,
  type OidcPublicInfo,
} from "./authenticator.ts";
export { defaultOidcTiming, loadOidcConfig, type OidcConfig, OidcConfigError, type OidcTiming } from "./config.ts";
export { OidcAuthError, type OidcFailureReason, oidcFailureMessages } from "./errors.ts";
export type { OidcLogger, OidcUserStore } from "./user-mapping.ts";
export { sequelizeUserStore } from "./user-store.ts";
