// The one place the app imports the query-plan adapter from.
export {
  type CerbosResource,
  type Mapper,
  type MapperEntry,
  PlanKind,
  queryPlanToSequelize,
  resourceInclude,
  toCerbosResource,
  UnsupportedQueryPlanError,
} from "@repo/authz";
