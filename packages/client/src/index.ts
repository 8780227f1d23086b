export { authHeaders, type Client, type ClientOptions, createClient, createLinks } from "./create-client.ts";
export {
  cerbosCallIdOf,
  errorCode,
  type FieldIssue,
  fieldErrorsOf,
  isForbidden,
  isUnauthorized,
  zodIssuesOf,
} from "./errors.ts";
export type { AppRouter, RouterInputs, RouterOutputs } from "./types.ts";
