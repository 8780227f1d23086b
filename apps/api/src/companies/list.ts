import { type AuthzContext, listKind } from "../authz/guard.ts";
import { requireMembership } from "../authz/membership.ts";
import { keyset } from "../paging/keyset.ts";
import type { CompanyListInput } from "../schemas.ts";
import { type CompanyModel, companyKind } from "./kind.ts";

const byName = keyset({
  list: "companies",
  direction: "ASC",
  columns: [
    { attribute: "name", type: "text" },
    { attribute: "id", type: "integer" },
  ],
});

export const companyView = (company: CompanyModel) => ({
  id: company.id,
  name: company.name,
  website: company.website,
  organizationId: company.organizationId,
});

/**
 * The companies the user may read (query plan → WHERE), by name, each with whether it may be
 * updated (in SQL); the exact total and a keyset cursor (or an offset).
 */
export async function listCompanies(ctx: AuthzContext, input: CompanyListInput) {
  if (input.organizationId !== undefined) requireMembership(ctx.session, input.organizationId, "Organization");
  const page = await listKind(ctx, companyKind, {
    where: input.organizationId === undefined ? {} : { organizationId: input.organizationId },
    after: byName.after(input.cursor),
    order: byName.order,
    limit: input.limit,
    offset: input.offset,
  });
  const items = page.rows.map((company, index) => ({ ...companyView(company), allowedActions: page.can[index]! }));
  return { items, total: page.count, nextCursor: byName.next(page.rows, page.hasMore) };
}
