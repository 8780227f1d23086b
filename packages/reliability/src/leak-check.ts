import type { Principal } from "@cerbos/core";
import type { SqlReader } from "@repo/testing";
import { type Oracle, type ServedContact, type StoredContact, servedResource, storedContacts } from "./oracle.ts";

export interface LeakReport {
  checked: number;
  leaks: string[];
  /** Rows denied now that changed (or went) after the response, and were readable as served. */
  raced: number;
}

/**
 * Checks every served contact with CheckResources, on the row as it is in the database now.
 * A denied row that has not changed since the response is a leak. A denied row that changed in
 * between (a concurrent write) is judged as it was served: readable then → a race, not a leak.
 */
export async function checkServed(
  db: SqlReader,
  oracle: Oracle,
  principal: Principal,
  items: ServedContact[],
): Promise<LeakReport> {
  if (items.length === 0) return { checked: 0, leaks: [], raced: 0 };
  const stored = await storedContacts(
    db,
    items.map((item) => item.id),
  );
  const resources = [...stored.values()].map((contact) => contact.resource);
  const allowedNow = await oracle.allowed(principal, resources);
  const suspects = items.filter((item) => !allowedNow.has(String(item.id)));
  const leaks: string[] = [];
  let raced = 0;
  if (suspects.length > 0) {
    const asServed = await oracle.allowed(principal, suspects.map(servedResource));
    for (const item of suspects) {
      const row = stored.get(item.id);
      const changed = !row || row.updatedAt !== Date.parse(item.updatedAt);
      if (changed && asServed.has(String(item.id))) raced++;
      else leaks.push(describeLeak(principal, item, row));
    }
  }
  return { checked: items.length, leaks, raced };
}

/** Everything needed to explain a leak afterwards: who, what was served, what is stored now. */
function describeLeak(principal: Principal, item: ServedContact, row: StoredContact | undefined): string {
  const stored = row ? `${JSON.stringify(row.resource.attr)} updated ${new Date(row.updatedAt).toISOString()}` : "gone";
  return `${principal.id} was shown contact ${item.id} ${JSON.stringify(servedResource(item).attr)} updated ${item.updatedAt} (stored now: ${stored}; principal ${JSON.stringify(principal.attr)})`;
}
