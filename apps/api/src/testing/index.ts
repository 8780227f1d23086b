// `@repo/api/testing`: the one way every test and tool starts this API (see README "Tests").

export { demoPassword, type SeedUsername, seedUsernames } from "../db/seed.ts";
export { isDatabaseUnavailable } from "../db/unavailable.ts";
export { type ApiClient, type CaughtError, errorOf, testClient } from "./client.ts";
export type { Dialect } from "./database.ts";
export { recordingLogger } from "./logs.ts";
export { type ApiProcess, type ApiProcessOptions, spawnApi } from "./process.ts";
export {
  type SignedInClient,
  startTestStack,
  type TestStack,
  type TestStackOptions,
  testSecret,
} from "./stack.ts";
