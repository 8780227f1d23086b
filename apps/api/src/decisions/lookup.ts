import { TRPCError } from "@trpc/server";
import { type AuthzContext, authorize } from "../authz/guard.ts";
import { notFound, pdpUnavailable } from "../errors.ts";
import { type AuditTrail, PdpsUnreachable } from "./audit-trail.ts";
import { type DecisionDto, serializeDecision } from "./serialize.ts";

/**
 * An admin looks a decision up by its call id, in the PDPs' own audit trail (no log of ours).
 * Who may is decided by policies/decision.yaml. NOT_FOUND when no PDP has the call id.
 */
export async function lookupDecision(
  ctx: AuthzContext & { auditTrail?: AuditTrail },
  callId: string,
): Promise<DecisionDto> {
  await authorize(ctx, [{ resource: { kind: "decision", id: callId, attr: {} }, actions: ["read"] }]);
  if (!ctx.auditTrail) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message:
        "Decision lookup is not configured: set CERBOS_ADMIN_USERNAME and CERBOS_ADMIN_PASSWORD (the PDPs' Admin API, with their local audit store).",
    });
  }
  let found: Awaited<ReturnType<AuditTrail["find"]>>;
  try {
    found = await ctx.auditTrail.find(callId);
  } catch (error) {
    if (error instanceof PdpsUnreachable) throw pdpUnavailable(error);
    throw error;
  }
  if (!found) throw notFound(`A decision with call id ${callId}`);
  return serializeDecision(found.pdp, found.entry);
}
