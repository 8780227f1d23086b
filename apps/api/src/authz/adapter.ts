// The one place the app imports the query-plan adapter (@repo/authz, published as cerbos-sequelize) from.
export {
  authorizedFindAndCountAll,
  authorizeInstance,
  type CerbosResource,
  type Disagreement,
  isCheckResourcesAnswerError,
  isResourceMappingError,
  isUnsupportedQueryPlanError,
  type Mapper,
  type MapperEntry,
  PlanKind,
  queryPlanToSequelize,
  resourceInclude,
  toCerbosResource,
  UnsupportedQueryPlanError,
  withExtraAttributes,
} from "@repo/authz";
