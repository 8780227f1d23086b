export { isCheckResourcesAnswerError, isResourceMappingError, isUnsupportedQueryPlanError } from "./error-codes.ts";
export { ResourceMappingError, UnsupportedQueryPlanError } from "./errors.ts";
export { resourceInclude } from "./include.ts";
export type { Mapper, MapperEntry, NullRepresentation } from "./mapper.ts";
export { PlanKind } from "./plan-kind.ts";
export * from "./query/index.ts";
export { type CerbosResource, type ToCerbosResourceOptions, toCerbosResource } from "./resource.ts";
export {
  type QueryPlanResult,
  type QueryPlanToSequelizeOptions,
  queryPlanToSequelize,
  queryPlanToSql,
} from "./translate.ts";
