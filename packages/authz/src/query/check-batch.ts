import type { CheckResourcesResponse } from "@cerbos/core";
import type { CerbosResource } from "../resource.ts";
import { CheckResourcesAnswerError } from "./errors.ts";
import type { CerbosCallOptions } from "./types.ts";

/** The PDP's default `server.requestLimits.maxResourcesPerRequest`. */
export const defaultMaxResourcesPerCheck = 50;

export type CheckedResource = CerbosResource & { readonly policyVersion?: string; readonly scope?: string };

export interface CheckedBatch {
  /** Per resource, in the order given: each action's decision. */
  readonly decisions: Array<Record<string, boolean>>;
  /** The CheckResources call id that decided each resource, in the order given. */
  readonly callIds: string[];
}

/**
 * CheckResources for every resource and action, at most `batchSize` resources per request
 * (requests in parallel). Any answer that is not a clear decision per resource and action
 * throws CheckResourcesAnswerError.
 */
export async function checkInBatches(
  options: CerbosCallOptions,
  resources: readonly CheckedResource[],
  actions: readonly string[],
  batchSize = defaultMaxResourcesPerCheck,
): Promise<CheckedBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`maxResourcesPerCheck must be ≥ 1, got ${batchSize}`);
  const { cerbos, principal, auxData, requestId } = options;
  const batches: CheckedResource[][] = [];
  for (let start = 0; start < resources.length; start += batchSize)
    batches.push(resources.slice(start, start + batchSize));
  const responses = await Promise.all(
    batches.map((batch) =>
      cerbos.checkResources({
        principal,
        resources: batch.map((resource) => ({ resource, actions: [...actions] })),
        ...(auxData === undefined ? {} : { auxData }),
        ...(requestId === undefined ? {} : { requestId }),
      }),
    ),
  );
  const decisions: Array<Record<string, boolean>> = [];
  const callIds: string[] = [];
  batches.forEach((batch, index) => {
    const response = responses[index]!;
    for (const [position, resource] of batch.entries()) {
      decisions.push(decide(response, position, resource, actions));
      callIds.push(response.cerbosCallId);
    }
  });
  return { decisions, callIds };
}

function decide(
  response: CheckResourcesResponse,
  position: number,
  resource: CheckedResource,
  actions: readonly string[],
): Record<string, boolean> {
  const fail = (message: string): never => {
    throw new CheckResourcesAnswerError(message, response.cerbosCallId);
  };
  const result = response.results[position];
  if (result === undefined) return fail(`the PDP answered no result for ${resource.kind} ${resource.id}`);
  if (result.resource.id !== resource.id || result.resource.kind !== resource.kind) {
    return fail(
      `the PDP answered for ${result.resource.kind} ${result.resource.id} instead of ${resource.kind} ${resource.id}`,
    );
  }
  if (result.validationErrors.length > 0) {
    return fail(
      `the PDP rejected the attributes of ${resource.kind} ${resource.id}: ${JSON.stringify(result.validationErrors)}`,
    );
  }
  const decision: Record<string, boolean> = {};
  for (const action of actions) {
    const allowed = result.isAllowed(action);
    if (allowed === undefined)
      return fail(`the PDP answered no decision for ${action} on ${resource.kind} ${resource.id}`);
    decision[action] = allowed;
  }
  return decision;
}
