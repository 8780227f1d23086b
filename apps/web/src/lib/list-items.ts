// The API's lists are moving from plain arrays to pages (`{ items, total, nextCursor }`, issue 12's
// paging): these read the rows of either shape, so the web app works on both sides of that change.

/** The rows of a list answer: a page's `items`, or the array itself. */
export function itemsOf<T>(data: readonly T[] | { items: readonly T[] } | undefined): T[] {
  if (data === undefined) return [];
  return [...("items" in data ? data.items : data)];
}

/** The row type of a list answer of either shape. */
export type ItemOf<L> = L extends readonly (infer T)[] ? T : L extends { items: readonly (infer T)[] } ? T : never;
