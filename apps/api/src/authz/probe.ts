import type { Resource } from "@cerbos/core";
import { kinds } from "../kinds.ts";
import type { AnyKind } from "./kind.ts";
import { createPdp, type Pdp } from "./pdp.ts";

const probePrincipal = {
  id: "startup-probe",
  roles: ["admin"],
  attr: {
    department: null,
    isBanned: false,
    organizationIds: [],
    memberOrgIds: [],
    billingOrgIds: [],
    ownerOrgIds: [],
  },
};

/** One resource per registered kind, with the kind's sample attributes. */
const probeResources: Resource[] = Object.values(kinds).map((kind: AnyKind) => ({
  kind: kind.name,
  id: "probe",
  attr: kind.probe,
}));

/**
 * Start-up check that the PDP serves policies for every resource kind the API uses: a PDP
 * without them would deny everything, which looks like a permissions bug rather than a
 * misconfiguration. Returns the problems found (empty when all is well).
 */
export async function probePolicies(pdp: Pdp): Promise<string[]> {
  const response = await pdp.checkResources({
    principal: probePrincipal,
    resources: probeResources.map((resource) => ({ resource, actions: ["read"] })),
    includeMetadata: true,
  });
  return probeResources.flatMap((resource, index) => {
    const result = response.results[index];
    if (!result) return [`no result for ${resource.kind}`];
    if (result.validationErrors.length > 0) {
      return [`${resource.kind} attributes rejected by the PDP's schema: ${JSON.stringify(result.validationErrors)}`];
    }
    const matched = result.metadata?.actions.read?.matchedPolicy;
    // The PDP reports "NO_MATCH" when no policy covers the resource kind.
    return matched && matched !== "NO_MATCH" ? [] : [`no policy for resource kind "${resource.kind}"`];
  });
}

/** Polls the PDP's health until it answers or `waitMs` passes. */
export async function waitForPdp(pdp: Pdp, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await pdp.isHealthy()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * The start-up check of every PDP in CERBOS_URL, one by one (a list is only as good as its
 * worst member: calls go round-robin): each must answer its health check within `waitMs` and
 * serve policies for every kind. Returns the problems, each naming its PDP (empty: all is well).
 */
export async function probeEachPdp(urls: readonly string[], timeoutMs: number, waitMs: number): Promise<string[]> {
  const problems = await Promise.all(
    urls.map(async (url) => {
      const pdp = createPdp(url, timeoutMs);
      try {
        if (!(await waitForPdp(pdp, waitMs))) {
          return [`the PDP at ${url} does not answer its health check (waited ${waitMs} ms)`];
        }
        const found = await probePolicies(pdp).catch((error: unknown) => [String(error)]);
        return found.map((problem) => `the PDP at ${url} cannot serve this API: ${problem}`);
      } finally {
        pdp.close();
      }
    }),
  );
  return problems.flat();
}
