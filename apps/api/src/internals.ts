// `@repo/api/unstable-internals-do-not-import`: the API's internals that tooling (packages/bench)
// measures piece by piece. NOT a public API: no stability, no semver, no README promise; an app
// or a test that needs one of these should ask for a proper entry instead. (Named after tRPC's
// `@trpc/server/unstable-core-do-not-import`.)
export { hashPassword } from "./auth/password.ts";
export { principalOf } from "./auth/principal.ts";
export { loginLimiter } from "./auth/rate-limit.ts";
export { createTokenService } from "./auth/token.ts";
export { createPdp, type Pdp } from "./authz/pdp.ts";
export { createContextFactory } from "./context.ts";
export { defaultSqliteReadConnections, sqlitePragmas } from "./db/connect.ts";
export { type Database, openDatabase } from "./db/database.ts";
export { migrate } from "./db/migrate.ts";
export * as migration0003 from "./db/migrations/0003_org_sort_indexes.ts";
export { kinds } from "./kinds.ts";
export { createLogger } from "./logger.ts";
export { appRouter } from "./router.ts";
export { createCallerFactory } from "./trpc.ts";

import { kinds } from "./kinds.ts";

/** The mappers the benchmarks translate plans with (the registry's, src/kinds.ts). */
export const contactMapper = kinds.contact.mapper;
export const companyMapper = kinds.company.mapper;
export const organizationMapper = kinds.organization.mapper;
