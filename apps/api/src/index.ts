// `@repo/api`: the API as a library (embed it, type a client against it). The other entries:
// `@repo/api/schemas` (input schemas, browser-safe), `@repo/api/testing` (the test stack) and
// `@repo/api/unstable-internals-do-not-import` (tooling only). Nothing else is importable.
export { loadOidcConfig, type OidcConfig } from "./auth/oidc/index.ts";
export { type Config, ConfigError, loadConfig } from "./config.ts";
/** How many calls one HTTP batch may carry and how large a body may be: a client's batch link stays below. */
export { maxBatchSize, maxBodySize } from "./http/batch-limits.ts";
export type { AppRouter } from "./router.ts";
export { type RunningApi, type StartApiOptions, startApi } from "./server.ts";
