export {
  type Authorization,
  type AuthorizedFindByPkOptions,
  type AuthorizeOptions,
  authorizedFindByPk,
  authorizeInstance,
} from "./authorize.ts";
export type { CheckedResource } from "./check-batch.ts";
export { CheckResourcesAnswerError } from "./errors.ts";
export { authorizedFindAndCountAll } from "./find-and-count.ts";
export { withExtraAttributes } from "./rows.ts";
export type {
  AuthorizedFindOptions,
  AuthorizedPage,
  AuthorizedQueryOptions,
  CerbosCallOptions,
  CerbosClient,
  Disagreement,
  PageLoadExtras,
  PagePartition,
} from "./types.ts";
