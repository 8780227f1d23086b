import type { CheckResourcesRequest, CheckResourcesResponse, Value } from "@cerbos/core";
import type { Pdp } from "./pdp.ts";

// Why the PDP denied, in the policies' own words: the `output` of the rules that did not allow an
// action (`when.conditionNotMet`) or that denied it (`when.ruleActivated`), policies/README.md.
// Outputs are read from the CheckResources answers a request gets (plans carry none) and kept per
// call id, whatever primitive made the call; only outputs of actions whose effect is DENY count
// (an allowed action also collects the words of the rules that did not allow it).

/** The denied actions of one resource of a call, each with its reasons (possibly none). */
export interface ResourceDenials {
  kind: string;
  id: string;
  /** The actions asked about, in the order they were asked. */
  requested: string[];
  denied: Record<string, string[]>;
}

/** Per call id, the resources of the call in request order (only calls with a denial are kept). */
export type DenialsByCall = Map<string, ResourceDenials[]>;

/** The PDP, recording the reasons of every CheckResources answer that denies something. */
export function recordingDenials(
  pdp: Pick<Pdp, "planResources" | "checkResources">,
  denials: DenialsByCall,
): Pick<Pdp, "planResources" | "checkResources"> {
  return {
    planResources: (request) => pdp.planResources(request),
    async checkResources(request) {
      const response = await pdp.checkResources(request);
      const resources = denialsOf(request, response);
      if (resources.some((resource) => Object.keys(resource.denied).length > 0)) {
        denials.set(response.cerbosCallId, resources);
      }
      return response;
    },
  };
}

function denialsOf(request: CheckResourcesRequest, response: CheckResourcesResponse): ResourceDenials[] {
  return response.results.map((result, index) => {
    const requested = request.resources[index]?.actions ?? Object.keys(result.actions);
    const denied: Record<string, string[]> = {};
    for (const action of requested) {
      if (result.isAllowed(action) === true) continue;
      denied[action] = unique(
        result.outputs.filter((output) => output.action === action).flatMap((output) => textOf(output.value)),
      );
    }
    return { kind: result.resource.kind, id: result.resource.id, requested, denied };
  });
}

/**
 * The reasons of a FORBIDDEN answered after this call: per resource, those of the first action
 * asked about that was denied. Every caller asks for the action it authorizes first and the
 * flags it reports after (`[action, ...kind.flags]`), so a denied flag never explains a refusal.
 */
export function reasonsOfRefusal(resources: readonly ResourceDenials[] | undefined): string[] {
  return unique(
    (resources ?? []).flatMap(({ requested, denied }) => {
      const first = requested.find((action) => denied[action] !== undefined);
      return first === undefined ? [] : (denied[first] ?? []);
    }),
  );
}

/** The reasons one action was denied on the `index`-th resource of a call ([] when it was allowed). */
export function reasonsOfAction(
  resources: readonly ResourceDenials[] | undefined,
  index: number,
  action: string,
): string[] {
  return resources?.[index]?.denied[action] ?? [];
}

/** A reason is a string output; an object output with a string `reason` or `message` counts too. */
function textOf(value: Value | undefined): string[] {
  if (typeof value === "string") return value.trim() ? [value.trim()] : [];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const text = (value as Record<string, Value>).reason ?? (value as Record<string, Value>).message;
    return typeof text === "string" && text.trim() ? [text.trim()] : [];
  }
  return [];
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}
