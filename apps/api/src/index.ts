export { type Config, ConfigError, loadConfig } from "./config.ts";
export type { AppRouter } from "./router.ts";
export { type RunningApi, type StartApiOptions, startApi } from "./server.ts";
