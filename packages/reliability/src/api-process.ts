// The API as its own process (apps/api/src/main.ts, configured through the environment): the
// shared helper of @repo/api/testing, used by the crash-safety and policy-mistake scenarios.
export { type ApiProcess, type ApiProcessOptions, spawnApi } from "@repo/api/testing";
