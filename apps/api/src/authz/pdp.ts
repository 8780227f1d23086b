import type {
  CheckResourcesRequest,
  CheckResourcesResponse,
  PlanResourcesRequest,
  PlanResourcesResponse,
} from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import { PdpUnavailable } from "../errors.ts";

/** The Cerbos calls the API makes, each bounded by a timeout so a slow PDP fails fast. */
export interface Pdp {
  checkResources(request: CheckResourcesRequest): Promise<CheckResourcesResponse>;
  planResources(request: PlanResourcesRequest): Promise<PlanResourcesResponse>;
  /** True when the PDP answers its health check within the timeout. */
  isHealthy(): Promise<boolean>;
}

export function createPdp(url: string, timeoutMs: number): Pdp {
  const client = new HTTP(url, { userAgent: "repo-api" });
  return {
    checkResources: (request) => bounded(timeoutMs, (signal) => client.checkResources(request, { signal })),
    planResources: (request) => bounded(timeoutMs, (signal) => client.planResources(request, { signal })),
    isHealthy: () =>
      bounded(timeoutMs, (signal) => client.checkHealth(undefined, { signal })).then(
        (health) => health.status === "SERVING",
        () => false,
      ),
  };
}

/**
 * Aborts the request after `timeoutMs` and, in case the transport ignores the signal, also
 * stops waiting for it. Every failure becomes PdpUnavailable (callers answer 503).
 */
async function bounded<T>(timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new PdpUnavailable(`the PDP did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } catch (error) {
    if (error instanceof PdpUnavailable) throw error;
    throw new PdpUnavailable(`the PDP request failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
}
