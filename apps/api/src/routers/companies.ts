import type { TRPCRouterRecord } from "@trpc/server";
import { listCompanies } from "../companies/list.ts";
import { createCompany, getCompany, updateCompany } from "../companies/service.ts";
import { companyCreateInput, companyIdInput, companyListInput, companyUpdateInput } from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";

export const companiesRouter = {
  list: protectedProcedure.input(companyListInput).query(({ ctx, input }) => listCompanies(ctx, input)),
  get: protectedProcedure.input(companyIdInput).query(({ ctx, input }) => getCompany(ctx, input.id)),
  create: protectedProcedure.input(companyCreateInput).mutation(({ ctx, input }) => createCompany(ctx, input)),
  update: protectedProcedure.input(companyUpdateInput).mutation(({ ctx, input }) => updateCompany(ctx, input)),
} satisfies TRPCRouterRecord;
