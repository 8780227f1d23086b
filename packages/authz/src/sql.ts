/** SQL condition text helpers. Every fragment is parenthesised, so composition never rebinds. */
export const TRUE = "(1=1)";
export const FALSE = "(1=0)";

const GROUP = 32;

/**
 * `a OP b OP c …` as a balanced tree of parenthesised groups: a flat chain of thousands of terms
 * (an unrolled principal list) would exceed SQLite's expression depth limit of 1000.
 */
export function balanced(operator: string, terms: readonly string[]): string {
  if (terms.length === 1) return terms[0]!;
  if (terms.length <= GROUP) return `(${terms.join(` ${operator} `)})`;
  const groups: string[] = [];
  for (let start = 0; start < terms.length; start += GROUP) {
    groups.push(balanced(operator, terms.slice(start, start + GROUP)));
  }
  return balanced(operator, groups);
}

export function and(...conditions: readonly string[]): string {
  if (conditions.includes(FALSE)) return FALSE;
  const kept = [...new Set(conditions.filter((c) => c !== TRUE))];
  return kept.length === 0 ? TRUE : balanced("AND", kept);
}

export function or(...conditions: readonly string[]): string {
  if (conditions.includes(TRUE)) return TRUE;
  const kept = [...new Set(conditions.filter((c) => c !== FALSE))];
  return kept.length === 0 ? FALSE : balanced("OR", kept);
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
