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

/** The exact UnsupportedQueryPlanError message each refused action must produce. */
export const refusalMessages: Record<string, string> = {};
