/** Operators the planner can emit that have no exact SQL translation, with the reason given to the user. */
export const REFUSALS = {
  matches: "CEL regular expressions are RE2; no SQL dialect here matches them exactly",
  bytes: "bytes values are not supported",
  "get-field": "field access on a computed value cannot be mapped to a column",
  index: "list, map and hierarchy indexing (`h[i]`) cannot be mapped to a column",
  commonAncestors:
    "commonAncestors() builds a hierarchy per row; only its relations to another hierarchy are translated",
  struct: "a map outside a constant list cannot be translated",
  "set-field": "a map or message built at evaluation time cannot be translated",
  duration: "durations and timestamp arithmetic are not translated",
  timeSince: "the current time differs between the PDP and the database",
  now: "the current time differs between the PDP and the database",
  transformList: "transformList cannot be translated",
  transformMap: "transformMap cannot be translated",
  sortBy: "sortBy cannot be translated",
  lambda: "a lambda outside exists/all/exists_one/filter/map",
} as const satisfies Readonly<Record<string, string>>;
