/** List order is not part of the contract (the translator refuses indexing): compare lists as multisets. */
export function withSortedLists(attr: Record<string, unknown>): Record<string, unknown> {
  return sortLists(attr) as Record<string, unknown>;
}

function sortLists(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortLists).sort((a, b) => canonical(a).localeCompare(canonical(b)));
  }
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, sortLists(field)]));
}

/** A stable text for a JSON value: object keys sorted, lists as given. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, field]) => `${key}:${canonical(field)}`).join(",")}}`;
}

export const sameResource = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  canonical(withSortedLists(a)) === canonical(withSortedLists(b));
