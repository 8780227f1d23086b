/** SQL condition text helpers. Every fragment is parenthesised, so composition never rebinds. */
export const TRUE = "(1=1)";
export const FALSE = "(1=0)";

export function and(...conditions: readonly string[]): string {
  if (conditions.includes(FALSE)) return FALSE;
  const kept = [...new Set(conditions.filter((c) => c !== TRUE))];
  if (kept.length === 0) return TRUE;
  return kept.length === 1 ? kept[0]! : `(${kept.join(" AND ")})`;
}

export function or(...conditions: readonly string[]): string {
  if (conditions.includes(TRUE)) return TRUE;
  const kept = [...new Set(conditions.filter((c) => c !== FALSE))];
  if (kept.length === 0) return FALSE;
  return kept.length === 1 ? kept[0]! : `(${kept.join(" OR ")})`;
}

/** TRUE exactly when `condition` is FALSE or NULL: the only negation used, so SQL's unknown never leaks. */
export function isNotTrue(condition: string): string {
  if (condition === TRUE) return FALSE;
  if (condition === FALSE) return TRUE;
  return `(${condition} IS NOT TRUE)`;
}

export function exists(from: string, where: string): string {
  if (where === FALSE) return FALSE;
  return `(EXISTS (SELECT 1 FROM ${from} WHERE ${where}))`;
}

export function notExists(from: string, where: string): string {
  if (where === FALSE) return TRUE;
  return `(NOT EXISTS (SELECT 1 FROM ${from} WHERE ${where}))`;
}
