import { type AuthzContext, decide, loadKind, readKind } from "../authz/guard.ts";
import { requireMembership } from "../authz/membership.ts";
import { decidedWrite } from "../authz/write.ts";
import { notFound } from "../errors.ts";
import type { CompanyCreateInput, CompanyUpdateInput } from "../schemas.ts";
import { companyKind } from "./kind.ts";
import { companyView } from "./list.ts";

export async function getCompany(ctx: AuthzContext, id: number) {
  return companyView((await readKind(ctx, companyKind, id)).row);
}

export function createCompany(ctx: AuthzContext, input: CompanyCreateInput) {
  return decidedWrite(ctx, async (ctx) => {
    const { Company, Organization } = ctx.db.models;
    requireMembership(ctx.session, input.organizationId, "Organization");
    await decide(ctx, companyKind, Company.build({ ...input, id: 0 }), "create", "new");
    return {
      write: async (transaction) => {
        // After the decision (only an admin passes the membership check for an organization that may not exist).
        const organization = await Organization.findByPk(input.organizationId, { attributes: ["id"], transaction });
        if (!organization) throw notFound("Organization");
        return companyView(await Company.create(input, { transaction }));
      },
    };
  });
}

export function updateCompany(ctx: AuthzContext, input: CompanyUpdateInput) {
  return decidedWrite(ctx, async (ctx) => {
    const company = await loadKind(ctx, companyKind, input.id);
    // The organization (all the policy reads) never changes: as it is is as it will be.
    await decide(ctx, companyKind, company, "update");
    const { id: _id, ...changes } = input;
    return { write: async (transaction) => companyView(await company.update(changes, { transaction })) };
  });
}
