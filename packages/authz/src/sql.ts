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

// Composed conditions are long concatenated strings: deduplicating them through a Set would
// flatten and hash every one at every level (that was a third of a translation's time), so
// only the short constant terms are dropped; a repeated term costs the database nothing.
export function and(...conditions: readonly string[]): string {
  const kept: string[] = [];
  for (const condition of conditions) {
    if (condition === FALSE) return FALSE;
    if (condition !== TRUE) kept.push(condition);
  }
  return kept.length === 0 ? TRUE : balanced("AND", kept);
}

export function or(...conditions: readonly string[]): string {
  const kept: string[] = [];
  for (const condition of conditions) {
    if (condition === TRUE) return TRUE;
    if (condition !== FALSE) kept.push(condition);
  }
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
