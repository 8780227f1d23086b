export { type AdminApiOptions, adminApiSettings, devAdminCredentials } from "./admin-api.ts";
export { cerbosBinaryPath, pinnedCerbosVersion } from "./binary.ts";
export { repoPoliciesDir } from "./paths.ts";
export { freePort } from "./ports.ts";
export { defaultConfigFile, type Pdp, PdpStartError, type StartPdpOptions, startPdp } from "./start.ts";
