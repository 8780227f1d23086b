import { type AuthzContext, loadKind } from "../authz/guard.ts";
import { type ContactModel, contactKind } from "./kind.ts";

/** The contact with what a check needs; NOT_FOUND when missing or in another organization. */
export function loadContact(ctx: Pick<AuthzContext, "db" | "session">, id: number): Promise<ContactModel> {
  return loadKind(ctx, contactKind, id);
}
