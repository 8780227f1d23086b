import type { NullRepresentation } from "./oracle-resource.ts";

/**
 * Actions CheckResources denies for every row by CEL's semantics, not because the data lacks a
 * case: the suite asserts that instead of failing them as vacuous.
 * - `mod_eq`: attributes reach CEL as doubles and CEL has no double modulo, so it never holds.
 * - `… == null` on an omitted attribute (or on an omitted field of a list element, inside
 *   `filter`) is an evaluation error, never true.
 */
export const deniedForEveryRow: Record<NullRepresentation, readonly string[]> = {
  explicit: ["mod_eq"],
  omitted: [
    "mod_eq",
    "null_str_is_null",
    "null_value_first_is_null",
    "null_num_is_null",
    "owner_department_is_null",
    "size_filter_contacts",
  ],
};

/**
 * The exact UnsupportedQueryPlanError message of every action the translator must refuse: the
 * refused_* actions, and shapes with no exact SQL meaning (arithmetic with a plan constant, whose
 * int/double type the plan loses; division; durations; unknown functions; computed lists).
 */
export const refusalMessages: Record<string, string> = {
  add_gt:
    'Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.amount": the plan drops a numeric constant\'s type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, so whether CheckResources evaluates or fails is unknown',
  sub_lt:
    'Cannot translate Cerbos query plan: operator "sub" at "request.resource.attr.amount": the plan drops a numeric constant\'s type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, so whether CheckResources evaluates or fails is unknown',
  mult_gt:
    'Cannot translate Cerbos query plan: operator "mult" at "request.resource.attr.amount": the plan drops a numeric constant\'s type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, so whether CheckResources evaluates or fails is unknown',
  div_gt:
    'Cannot translate Cerbos query plan: operator "div" at "request.resource.attr.amount": CEL division has no exact SQL counterpart (x/0 is an error for ints and ±Infinity or NaN for doubles; SQL aborts or returns NULL)',
  div_by_column:
    'Cannot translate Cerbos query plan: operator "div" at "request.resource.attr.amount": CEL division has no exact SQL counterpart (x/0 is an error for ints and ±Infinity or NaN for doubles; SQL aborts or returns NULL)',
  refused_matches:
    'Cannot translate Cerbos query plan: operator "matches" at "request.resource.attr.name": CEL regular expressions are RE2; no SQL dialect here matches them exactly',
  refused_int:
    'Cannot translate Cerbos query plan: operator "int" at "request.resource.attr.amount": CEL\'s int() conversion (truncation, range errors) has no exact SQL equivalent',
  refused_double:
    'Cannot translate Cerbos query plan: operator "double" at "request.resource.attr.score": CEL\'s double() conversion has no exact SQL equivalent',
  refused_lower_ascii:
    'Cannot translate Cerbos query plan: operator "lowerAscii" at "request.resource.attr.name": lowerAscii is not translated: a case-folded comparison is refused rather than approximated',
  refused_index:
    'Cannot translate Cerbos query plan: operator "index" at "request.resource.attr.labels": list and map indexing cannot be mapped to a column',
  refused_get_field:
    'Cannot translate Cerbos query plan: operator "get-field" at "request.resource.attr.contacts": field access on a computed value cannot be mapped to a column',
  ts_plus_duration:
    'Cannot translate Cerbos query plan: operator "duration" at "-": durations and timestamp arithmetic are not translated',
  add_overflow:
    'Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.amount": the plan drops a numeric constant\'s type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, so whether CheckResources evaluates or fails is unknown',
  list_concat:
    'Cannot translate Cerbos query plan: operator "add" at "request.resource.attr.labels": list concatenation cannot be translated (it would need a correlated UNION)',
  refused_string_conversion:
    'Cannot translate Cerbos query plan: operator "string" at "request.resource.attr.amount": CEL\'s string() formatting of numbers and timestamps differs from SQL\'s casts',
  ts_get_full_year:
    'Cannot translate Cerbos query plan: operator "getFullYear" at "request.resource.attr.createdAt": timestamp fields depend on a time zone; not translated',
  list_eq_literal:
    'Cannot translate Cerbos query plan: operator "eq" at "request.resource.attr.tags": list equality has no exact SQL translation (element order is not stored)',
  ts_gt_nanos:
    'Cannot translate Cerbos query plan: operator "timestamp" at "-": timestamp 2024-06-30T12:00:00.499999999Z is more precise than the millisecond a date column stores',
  ts_ge_nanos:
    'Cannot translate Cerbos query plan: operator "timestamp" at "-": timestamp 2024-06-30T12:00:00.500000001Z is more precise than the millisecond a date column stores',
};
