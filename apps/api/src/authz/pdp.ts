import {
  type CheckResourcesRequest,
  type CheckResourcesResponse,
  type Client,
  NotOK,
  type PlanResourcesRequest,
  type PlanResourcesResponse,
  Status,
} from "@cerbos/core";
import { PdpUnavailable } from "../errors.ts";
import { pdpClient } from "./pdp-client.ts";

/** The Cerbos calls the API makes, each bounded by a timeout so a slow PDP fails fast. */
export interface Pdp {
  checkResources(request: CheckResourcesRequest): Promise<CheckResourcesResponse>;
  planResources(request: PlanResourcesRequest): Promise<PlanResourcesResponse>;
  /** True when a PDP (any of them) answers its health check within the timeout. */
  isHealthy(): Promise<boolean>;
  /** Releases the connections (gRPC channels); calls after it fail. */
  close(): void;
}

/** The PDP URLs of a CERBOS_URL value (http(s):// or grpc(s)://: pdp-client.ts): one URL, or several separated by commas. */
export function pdpUrls(urls: string | readonly string[]): string[] {
  const list = (typeof urls === "string" ? urls.split(",") : [...urls]).map((url) => url.trim()).filter(Boolean);
  if (list.length === 0) throw new Error("no PDP URL given");
  return list;
}

/** A PDP that failed to connect is tried last for this long (it is still tried when all others fail). */
const coolDownMs = 1000;

/**
 * One PDP or several (Cerbos is stateless: any PDP with the same policies gives the same
 * decision). Calls go round-robin over them, client-side; a call that cannot reach its PDP
 * (connection refused or reset, or the PDP answers UNAVAILABLE) is retried on the next one, all
 * within the one `timeoutMs` budget. CheckResources and PlanResources only read, so retrying is
 * safe. When none answers the call fails with PdpUnavailable (the API answers 503: fail closed).
 */
export function createPdp(urls: string | readonly string[], timeoutMs: number): Pdp {
  const pdps = pdpUrls(urls).map((url) => ({ ...pdpClient(url, { userAgent: "repo-api" }), downUntil: 0 }));
  let next = 0;
  const call = <T>(work: (client: Client, signal: AbortSignal) => Promise<T>) =>
    bounded(timeoutMs, async (signal) => {
      const now = Date.now();
      const rotated = pdps.map((_, index) => pdps[(next + index) % pdps.length]!);
      next = (next + 1) % pdps.length;
      // Cooling-down PDPs last, in the same rotation.
      const order = [...rotated.filter((pdp) => pdp.downUntil <= now), ...rotated.filter((pdp) => pdp.downUntil > now)];
      let lastError: unknown;
      for (const pdp of order) {
        try {
          const result = await work(pdp.client, signal);
          pdp.downUntil = 0;
          return result;
        } catch (error) {
          if (signal.aborted || !unreachable(error)) throw error;
          pdp.downUntil = Date.now() + coolDownMs;
          lastError = error;
        }
      }
      throw lastError;
    });
  return {
    checkResources: (request) => call((client, signal) => client.checkResources(request, { signal })),
    planResources: (request) => call((client, signal) => client.planResources(request, { signal })),
    isHealthy: async () => {
      const answers = pdps.map(({ client }) =>
        bounded(timeoutMs, (signal) => client.checkHealth(undefined, { signal })).then(
          (health) => health.status === "SERVING",
          () => false,
        ),
      );
      return (await Promise.all(answers)).some(Boolean);
    },
    close: () => {
      for (const pdp of pdps) pdp.close();
    },
  };
}

/**
 * The PDP was not reached or could not decide (try another): a transport failure (fetch
 * rejects with a TypeError: refused, reset, closed mid-answer; the Cerbos client wraps it in a
 * NotOK INTERNAL) or UNAVAILABLE (gRPC's answer for a refused or lost connection). Any other answer (a request the PDP refused) would be the
 * same on every PDP.
 */
function unreachable(error: unknown): boolean {
  if (error instanceof NotOK && error.code === Status.UNAVAILABLE) return true;
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 5; depth++) {
    if (cause instanceof TypeError) return true;
    cause = cause.cause;
  }
  return false;
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
