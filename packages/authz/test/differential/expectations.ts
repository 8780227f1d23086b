import type { NullRepresentation } from "./oracle-resource.ts";

/**
 * Actions CheckResources denies for every row by CEL's semantics, not because the data lacks a
 * case: the suite asserts that instead of failing them as vacuous.
 * - `mod_eq`: attributes reach CEL as doubles and CEL has no double modulo, so it never holds.
 * - `size_plus_double`: size() is an int, an attribute a double, and CEL has no int + double.
 * - `h_list_with_delimiter`: a segment holding the delimiter never equals a segment of a split text.
 * - `ts_eq_nanos`: a resource's timestamp has whole milliseconds; the literal is finer.
 * - `… == null` on a relation whose missing row is omitted: no key is an error, a row is not null.
 * - `… == null` on an omitted attribute (or on an omitted field of a list element, inside
 *   `filter`) is an evaluation error, never true.
 */
export const deniedForEveryRow: Record<NullRepresentation, readonly string[]> = {
  explicit: ["mod_eq", "size_plus_double", "h_list_with_delimiter", "ts_eq_nanos"],
  omitted: [
    "mod_eq",
    "size_plus_double",
    "h_list_with_delimiter",
    "owner_is_null",
    "owner_manager_is_null",
    "detail_is_null",
    "contacts_person_is_null",
    "null_str_is_null",
    "null_value_first_is_null",
    "null_num_is_null",
    "owner_department_is_null",
    "size_filter_contacts",
  ],
};

/** Actions CheckResources allows for every row by CEL's semantics (`ts_ne_nanos`: see ts_eq_nanos). */
export const allowedForEveryRow: Record<NullRepresentation, readonly string[]> = {
  explicit: ["ts_ne_nanos"],
  omitted: [],
};

/**
 * The exact UnsupportedQueryPlanError message of every action the translator must refuse: the
 * refused_* actions, arithmetic with an integral constant (the plan loses its int/double type:
 * each such shape has a twin policy that plans alike and checks differently, see
 * ambiguous-plans.test.ts), durations, computed lists.
 */
const AMBIGUOUS =
  "the plan drops a numeric constant's type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, so whether CheckResources evaluates or fails is unknown";

export const refusalMessages: Record<string, string> = {
  add_gt: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  sub_lt: `Cannot translate Cerbos query plan: operator "sub" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  mult_gt: `Cannot translate Cerbos query plan: operator "mult" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  add_overflow: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  div_gt: `Cannot translate Cerbos query plan: operator "div" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  div_int_const: `Cannot translate Cerbos query plan: operator "div" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  add_int_const: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.ratio": ${AMBIGUOUS}`,
  add_double_const: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.ratio": ${AMBIGUOUS}`,
  ternary_int_branch_arith: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.active": ${AMBIGUOUS}`,
  ternary_double_branch_arith: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.active": ${AMBIGUOUS}`,
  refused_matches: `Cannot translate Cerbos query plan: operator "matches" at "request.resource.attr.name": CEL regular expressions are RE2; no SQL dialect here matches them exactly`,
  refused_index: `Cannot translate Cerbos query plan: operator "index" at "request.resource.attr.labels": list, map and hierarchy indexing (\`h[i]\`) cannot be mapped to a column`,
  refused_h_index: `Cannot translate Cerbos query plan: operator "index" at "request.resource.attr.path": list, map and hierarchy indexing (\`h[i]\`) cannot be mapped to a column`,
  refused_get_field: `Cannot translate Cerbos query plan: operator "get-field" at "request.resource.attr.contacts": field access on a computed value cannot be mapped to a column`,
  refused_string_conversion: `Cannot translate Cerbos query plan: operator "string" at "request.resource.attr.amount": CEL's string() formats doubles like Go's %g (string(1000000.0) is "1e+06"); SQL's casts do not`,
  refused_h_common_ancestors: `Cannot translate Cerbos query plan: operator "commonAncestors" at "request.resource.attr.path": commonAncestors() builds a hierarchy per row; only its relations to another hierarchy are translated`,
  refused_h_multichar_delimiter: `Cannot translate Cerbos query plan: operator "hierarchy" at "request.resource.attr.path": a hierarchy delimiter of other than one character: a longer one can overlap itself ("a:::b" split by "::" is [a, :b]), so segment boundaries are not substring tests`,
  ts_plus_duration: `Cannot translate Cerbos query plan: operator "duration" at "-": durations and timestamp arithmetic are not translated`,
  list_concat: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.labels": list concatenation cannot be translated (it would need a correlated UNION)`,
  add_gt_int: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  sub_lt_int: `Cannot translate Cerbos query plan: operator "sub" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  mult_gt_int: `Cannot translate Cerbos query plan: operator "mult" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  add_overflow_int: `Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.amount": ${AMBIGUOUS}`,
  refused_h_multichar_overlap: `Cannot translate Cerbos query plan: operator "hierarchy" at "request.resource.attr.path": a hierarchy delimiter of other than one character: a longer one can overlap itself ("a:::b" split by "::" is [a, :b]), so segment boundaries are not substring tests`,
  refused_list_eq_two: `Cannot translate Cerbos query plan: operator "eq" at "request.resource.attr.labels": list equality has no exact SQL translation (element order is not stored)`,
};
