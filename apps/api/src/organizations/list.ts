import { type AuthzContext, listKind } from "../authz/guard.ts";
import { keyset } from "../paging/keyset.ts";
import type { OrganizationListInput } from "../schemas.ts";
import { type OrganizationModel, organizationKind } from "./kind.ts";

const byName = keyset({
  list: "organizations",
  direction: "ASC",
  columns: [
    { attribute: "name", type: "text" },
    { attribute: "id", type: "integer" },
  ],
});

export const organizationView = (organization: OrganizationModel) => ({ id: organization.id, name: organization.name });

/**
 * The organizations the user may read (an admin: all), by name, with the user's role and the
 * allowed actions (in SQL); the exact total and a keyset cursor.
 */
export async function listOrganizations(ctx: AuthzContext, input: OrganizationListInput) {
  const page = await listKind(ctx, organizationKind, {
    after: byName.after(input.cursor),
    order: byName.order,
    limit: input.limit,
  });
  const items = page.rows.map((organization, index) => ({
    ...organizationView(organization),
    role: ctx.session.memberships.find((m) => m.organizationId === organization.id)?.role ?? null,
    allowedActions: page.can[index]!,
  }));
  return { items, total: page.count, nextCursor: byName.next(page.rows, page.hasMore) };
}
