import type { Principal, Resource } from "@cerbos/core";
import { contactMapper, type Database, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import { resourceInclude, toCerbosResource } from "@repo/authz";
import { chunk, mapPool } from "../pool.ts";
import { type ListOutcome, pageSize } from "./operations.ts";

/** The PDP's maxResourcesPerRequest (packages/pdp/cerbos.yaml). */
export const checkBatchSize = 50;
/** Batches in flight at once: what a careful developer would do without an adapter. */
export const checkConcurrency = 4;

/**
 * The list without a query plan: load every contact (with the tags Cerbos needs), ask
 * CheckResources about all of them in batches of 50, then sort, count and cut the page in memory.
 */
export async function naiveList(db: Database, pdp: Pdp, principal: Principal): Promise<ListOutcome> {
  const { Contact } = db.models;
  const contacts = await Contact.findAll({ include: resourceInclude(Contact, contactMapper) });
  const batches = chunk(contacts, checkBatchSize);
  const decisions = await mapPool(batches, checkConcurrency, async (batch) => {
    const response = await pdp.checkResources({
      principal,
      resources: batch.map((contact) => ({
        resource: toCerbosResource(contact, { kind: "contact", mapper: contactMapper }) as Resource,
        actions: ["read"],
      })),
    });
    return batch.map((_, index) => response.results[index]?.isAllowed("read") === true);
  });
  const allowed = batches.flatMap((batch, index) => batch.filter((_, row) => decisions[index]?.[row] === true));
  allowed.sort((a, b) => compareText(a.lastName.toLowerCase(), b.lastName.toLowerCase()) || a.id - b.id);
  return { ids: allowed.slice(0, pageSize).map((contact) => contact.id), total: allowed.length };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
