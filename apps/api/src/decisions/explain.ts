import { type AuthzContext, check, loadKind, whyNot } from "../authz/guard.ts";
import type { AnyKind } from "../authz/kind.ts";
import { companyKind } from "../companies/kind.ts";
import { contactKind } from "../contacts/kind.ts";
import { forbidden } from "../errors.ts";
import { noteKind } from "../notes/kind.ts";
import { organizationKind } from "../organizations/kind.ts";
import type { ExplainInput } from "../schemas.ts";

const explainable: Record<ExplainInput["kind"], AnyKind> = {
  contact: contactKind,
  company: companyKind,
  organization: organizationKind,
  note: noteKind,
};

export interface Explanation {
  allowed: boolean;
  /** The policies' words for the denial ([] when allowed, or when no rule says why). */
  reasons: string[];
  cerbosCallId: string;
}

/**
 * "Why can't I …?" for one row: ONE CheckResources for `read` and the action. A row of another
 * organization is NOT_FOUND and a row the caller may not read is FORBIDDEN (with the reasons of
 * `read`), exactly as its `get` answers: nothing is explained about what the caller cannot see.
 */
export async function explain(ctx: AuthzContext, input: ExplainInput): Promise<Explanation> {
  const kind = explainable[input.kind];
  const row = await loadKind(ctx, kind, input.id);
  const { results, cerbosCallId } = await check(ctx, [
    { resource: kind.resource(row), actions: ["read", input.action] },
  ]);
  if (results[0]?.read !== true) throw forbidden(cerbosCallId);
  const allowed = results[0]?.[input.action] === true;
  return { allowed, reasons: allowed ? [] : whyNot(ctx, cerbosCallId, 0, input.action), cerbosCallId };
}
