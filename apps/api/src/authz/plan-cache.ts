import type { PlanResourcesRequest, PlanResourcesResponse } from "@cerbos/core";
import type { Pdp } from "./pdp.ts";

// PLAN_CACHE_MS (off by default): a list reuses a PlanResources answer for the same request made
// at most that long ago. A plan is a function of the request alone (principal with its
// attributes, resource kind, action) and of the policies: no row is in it. The principal is
// built from the database on every request and is part of the key, so a ban, a new role or a
// membership change is a new key and takes effect at once. What the setting gives up, for at most
// its own length: a policy change on the PDP (the shipped PDP does not watch its policies), the
// PDP's decision log (a reused plan is not logged again; the response carries the call id of the
// plan it used), and fail-closed on a PDP outage (a list whose plan is still fresh is served).
// Writes never use it: they are decided by CheckResources at write time (guard.ts, write.ts).

export interface PlanCacheOptions {
  /** How long a plan is reused, in milliseconds (> 0). */
  ttlMs: number;
  /** At most this many plans are kept; the oldest goes first. */
  maxEntries?: number;
  /** The clock (tests). */
  now?: () => number;
}

interface Entry {
  expires: number;
  plan: Promise<PlanResourcesResponse>;
}

/**
 * The PDP with PlanResources answers reused for `ttlMs`; identical requests in flight share one
 * call. Callers get the same response object: it must not be changed.
 */
export function cachingPlans<P extends Pick<Pdp, "planResources">>(pdp: P, options: PlanCacheOptions): P {
  const { ttlMs, maxEntries = 10_000, now = Date.now } = options;
  if (!(ttlMs > 0)) throw new Error(`plan cache: ttlMs must be > 0 (got ${ttlMs})`);
  const entries = new Map<string, Entry>();
  const planResources = (request: PlanResourcesRequest): Promise<PlanResourcesResponse> => {
    const key = keyOf(request);
    const time = now();
    const cached = entries.get(key);
    if (cached && cached.expires > time) return cached.plan;
    if (cached) entries.delete(key);
    const plan = pdp.planResources(request);
    const entry = { expires: time + ttlMs, plan };
    entries.set(key, entry);
    // A failure is not kept: the next list asks the PDP again.
    plan.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return plan;
  };
  return { ...pdp, planResources };
}

/** Everything the PDP's answer depends on: the whole request but its id, in a fixed key order. */
function keyOf(request: PlanResourcesRequest): string {
  const { requestId: _id, ...rest } = request;
  return stableJson(rest);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => `${JSON.stringify(name)}:${stableJson(field)}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
