import type { CheckResourcesResponse, Resource } from "@cerbos/core";
import type { Context, Session } from "../context.ts";
import { forbidden, internal, PdpUnavailable, pdpUnavailable } from "../errors.ts";

export type AuthzContext = Pick<Context, "pdp" | "cerbosCallIds" | "requestId"> & { session: Session };

/** The PDP's default `maxResourcesPerRequest` (packages/pdp/cerbos.yaml). */
export const maxResourcesPerCheck = 50;

/**
 * One CheckResources call for every resource given (the caller keeps it at most one page).
 * Fails closed: an unreachable PDP → SERVICE_UNAVAILABLE; attributes the PDP's schemas reject
 * → INTERNAL_SERVER_ERROR (the app sent wrong attributes; that is a bug, not a denial).
 */
export async function checkResources(
  ctx: AuthzContext,
  entries: { resource: Resource; actions: string[] }[],
): Promise<CheckResourcesResponse> {
  if (entries.length > maxResourcesPerCheck) {
    throw internal(`a check of ${entries.length} resources exceeds the PDP limit of ${maxResourcesPerCheck}`);
  }
  const response = await ctx.pdp
    .checkResources({ principal: ctx.session.principal, resources: entries, requestId: ctx.requestId })
    .catch((error: unknown) => {
      throw error instanceof PdpUnavailable ? pdpUnavailable(error) : error;
    });
  ctx.cerbosCallIds.push(response.cerbosCallId);
  const invalid = response.results.find((result) => result.validationErrors.length > 0);
  if (invalid) {
    throw internal(
      `the PDP rejected the attributes of ${invalid.resource.kind} ${invalid.resource.id}: ${JSON.stringify(invalid.validationErrors)}`,
    );
  }
  if (response.results.length !== entries.length) {
    throw internal(`the PDP answered ${response.results.length} results for ${entries.length} resources`);
  }
  return response;
}

/** Throws FORBIDDEN (with the Cerbos call id) unless every action is allowed on the resource. */
export async function authorize(ctx: AuthzContext, resource: Resource, actions: string[]): Promise<void> {
  const response = await checkResources(ctx, [{ resource, actions }]);
  const result = response.results[0];
  if (!result || !actions.every((action) => result.isAllowed(action) === true)) {
    throw forbidden(response.cerbosCallId);
  }
}

/** Whether the action is allowed; false on a denial (no error), errors as checkResources. */
export async function isAllowed(ctx: AuthzContext, resource: Resource, action: string): Promise<boolean> {
  const response = await checkResources(ctx, [{ resource, actions: [action] }]);
  return response.results[0]?.isAllowed(action) === true;
}
