import { Effect, type Principal } from "@cerbos/core";
import type { HTTP } from "@cerbos/http";
import type { OracleResource } from "./oracle-resource.ts";

/** The PDP's request limits (packages/pdp/cerbos.yaml). */
const resourcesPerRequest = 50;
const actionsPerResource = 50;
const concurrentRequests = 4;

/** Allowed resource ids per action, decided by CheckResources one resource at a time (batched). */
export type Decisions = Map<string, Set<string>>;

export async function decideWithCheckResources(
  cerbos: HTTP,
  principal: Principal,
  resources: OracleResource[],
  actions: string[],
): Promise<Decisions> {
  const decisions: Decisions = new Map(actions.map((action) => [action, new Set<string>()]));
  const requests: Array<() => Promise<void>> = [];
  for (const resourceBatch of chunk(resources, resourcesPerRequest)) {
    for (const actionBatch of chunk(actions, actionsPerResource)) {
      requests.push(() => decideBatch(cerbos, principal, resourceBatch, actionBatch, decisions));
    }
  }
  await runConcurrently(requests, concurrentRequests);
  return decisions;
}

async function decideBatch(
  cerbos: HTTP,
  principal: Principal,
  resources: OracleResource[],
  actions: string[],
  decisions: Decisions,
): Promise<void> {
  const response = await cerbos.checkResources({
    principal,
    resources: resources.map((resource) => ({ resource, actions })),
  });
  for (const resource of resources) {
    const result = response.findResult({ kind: resource.kind, id: resource.id });
    if (!result) throw new Error(`CheckResources returned no result for resource ${resource.id}`);
    if (result.validationErrors.length > 0) {
      throw new Error(`CheckResources rejected ${resource.id}: ${JSON.stringify(result.validationErrors)}`);
    }
    for (const action of actions) {
      const effect = result.actions[action];
      if (effect === undefined) throw new Error(`CheckResources returned no effect for ${resource.id} / ${action}`);
      if (effect === Effect.ALLOW) decisions.get(action)?.add(resource.id);
    }
  }
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** Runs the tasks with at most `limit` in flight; the first failure rejects. */
export async function runConcurrently(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
