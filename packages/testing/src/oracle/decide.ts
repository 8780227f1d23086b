import type { CheckClient, PrincipalInput, ResourceInput } from "./types.ts";

/** The PDP's `maxResourcesPerRequest` (packages/pdp/cerbos.yaml). */
const batchSize = 50;

export interface Oracle {
  /** Per resource id, whether each action is allowed: CheckResources, row by row, 50 per call. */
  decide(
    principal: PrincipalInput,
    resources: readonly ResourceInput[],
    actions: readonly string[],
  ): Promise<Map<string, Record<string, boolean>>>;
  /** The ids among `resources` the principal may perform `action` on. */
  allowed(principal: PrincipalInput, resources: readonly ResourceInput[], action?: string): Promise<Set<string>>;
  /** How many resources were checked so far (proves the oracle did the work). */
  checked(): number;
}

/**
 * The decision half of the oracle: asks the PDP about every resource it is given, independently
 * of the API (which filters lists with query plans). A result with validation errors throws:
 * the oracle's resources must match policies/_schemas exactly.
 */
export function createOracle(cerbos: CheckClient): Oracle {
  let checked = 0;
  const decide: Oracle["decide"] = async (principal, resources, actions) => {
    const decisions = new Map<string, Record<string, boolean>>();
    for (let start = 0; start < resources.length; start += batchSize) {
      const batch = resources.slice(start, start + batchSize);
      const response = await cerbos.checkResources({
        principal,
        resources: batch.map((resource) => ({ resource, actions: [...actions] })),
      });
      batch.forEach((resource, index) => {
        const result = response.results[index];
        if (!result || result.validationErrors.length > 0) {
          throw new Error(`the PDP refused the oracle's ${resource.kind} ${resource.id}: ${JSON.stringify(result)}`);
        }
        decisions.set(resource.id, Object.fromEntries(actions.map((a) => [a, result.isAllowed(a) === true])));
      });
      checked += batch.length;
    }
    return decisions;
  };
  return {
    decide,
    async allowed(principal, resources, action = "read") {
      const decisions = await decide(principal, resources, [action]);
      return new Set([...decisions].filter(([, decision]) => decision[action]).map(([id]) => id));
    },
    checked: () => checked,
  };
}
