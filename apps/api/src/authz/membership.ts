import type { Session } from "../context.ts";
import { notFound } from "../errors.ts";

export function isAdmin(session: Session): boolean {
  return session.user.role === "admin";
}

export function belongsTo(session: Session, organizationId: number): boolean {
  return isAdmin(session) || session.memberships.some((m) => m.organizationId === organizationId);
}

/**
 * Tenant isolation, first line: a resource in an organization the user does not belong to is
 * answered as NOT_FOUND before Cerbos is asked (its existence is not leaked). The policies' deny
 * rule stays as the second line.
 */
export function requireMembership(session: Session, organizationId: number, what: string): void {
  if (!belongsTo(session, organizationId)) throw notFound(what);
}
