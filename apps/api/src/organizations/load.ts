import { requireMembership } from "../authz/membership.ts";
import type { Session } from "../context.ts";
import type { Database } from "../db/database.ts";
import type { OrganizationModel } from "../db/models/index.ts";
import { notFound } from "../errors.ts";

/** NOT_FOUND both when the organization does not exist and when the user is not in it. */
export async function loadOrganization(db: Database, session: Session, id: number): Promise<OrganizationModel> {
  requireMembership(session, id, "Organization");
  const organization = await db.models.Organization.findByPk(id);
  if (!organization) throw notFound("Organization");
  return organization;
}
