import type { TRPCRouterRecord } from "@trpc/server";
import { Op, type WhereOptions } from "sequelize";
import { z } from "zod";
import { PlanKind } from "../authz/adapter.ts";
import { authorize, checkResources } from "../authz/check.ts";
import { companyMapper, resourceKinds } from "../authz/mappers.ts";
import { requireMembership } from "../authz/membership.ts";
import { planFilter } from "../authz/plan.ts";
import { companyResource } from "../authz/resources.ts";
import type { Session } from "../context.ts";
import type { Database } from "../db/database.ts";
import type { CompanyModel } from "../db/models/index.ts";
import { notFound } from "../errors.ts";
import { protectedProcedure } from "../trpc.ts";
import { rowId, text } from "../validation.ts";

const id = rowId;
const website = z
  .url({ protocol: /^https?$/ })
  .max(255)
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
  .nullable();
const companyName = text({ min: 1, max: 255, trim: true });

const companyView = (company: CompanyModel) => ({
  id: company.id,
  name: company.name,
  website: company.website,
  organizationId: company.organizationId,
});

async function loadCompany(db: Database, session: Session, companyId: number): Promise<CompanyModel> {
  const company = await db.models.Company.findByPk(companyId);
  if (!company) throw notFound("Company");
  requireMembership(session, company.organizationId, "Company");
  return company;
}

export const companiesRouter = {
  /** The companies the user may read (query plan → WHERE), each with whether it may be updated. */
  list: protectedProcedure
    .input(
      z
        .object({
          organizationId: id.optional(),
          limit: z.number().int().min(1).max(50).default(50),
          offset: z.number().int().min(0).default(0),
        })
        .prefault({}),
    )
    .query(async ({ ctx, input }) => {
      const { Company } = ctx.db.models;
      if (input.organizationId !== undefined) requireMembership(ctx.session, input.organizationId, "Organization");
      const filter = await planFilter(ctx, {
        kind: resourceKinds.company,
        action: "read",
        model: Company,
        mapper: companyMapper,
      });
      if (filter.kind === PlanKind.ALWAYS_DENIED) return { items: [], total: 0 };
      const conditions: WhereOptions[] = [filter.where];
      if (input.organizationId !== undefined) conditions.push({ organizationId: input.organizationId });
      const where = { [Op.and]: conditions };
      const [total, rows] = await Promise.all([
        Company.count({ where }),
        Company.findAll({
          where,
          order: [
            ["name", "ASC"],
            ["id", "ASC"],
          ],
          limit: input.limit,
          offset: input.offset,
        }),
      ]);
      if (rows.length === 0) return { items: [], total };
      const decisions = await checkResources(
        ctx,
        rows.map((company) => ({ resource: companyResource(company), actions: ["update"] })),
      );
      const items = rows.map((company, index) => ({
        ...companyView(company),
        allowedActions: { update: decisions.results[index]?.isAllowed("update") === true },
      }));
      return { items, total };
    }),

  get: protectedProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const company = await loadCompany(ctx.db, ctx.session, input.id);
    await authorize(ctx, companyResource(company), ["read"]);
    return companyView(company);
  }),

  create: protectedProcedure
    .input(z.object({ organizationId: id, name: companyName, website: website.default(null) }))
    .mutation(async ({ ctx, input }) => {
      const { Company, Organization } = ctx.db.models;
      requireMembership(ctx.session, input.organizationId, "Organization");
      if (!(await Organization.findByPk(input.organizationId, { attributes: ["id"] }))) throw notFound("Organization");
      const draft = Company.build({ ...input, id: 0 }); // checked as "new"
      await authorize(ctx, { ...companyResource(draft), id: "new" }, ["create"]);
      const company = await ctx.db.transaction((transaction) => Company.create(input, { transaction }));
      return companyView(company);
    }),

  update: protectedProcedure
    .input(z.object({ id, name: companyName.optional(), website: website.optional() }))
    .mutation(async ({ ctx, input }) => {
      const company = await loadCompany(ctx.db, ctx.session, input.id);
      await authorize(ctx, companyResource(company), ["update"]);
      const { id: _id, ...changes } = input;
      await ctx.db.transaction((transaction) => company.update(changes, { transaction }));
      return companyView(company);
    }),
} satisfies TRPCRouterRecord;
