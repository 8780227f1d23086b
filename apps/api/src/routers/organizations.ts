import type { TRPCRouterRecord } from "@trpc/server";
import { addMember, assignRole, removeMember } from "../organizations/members.ts";
import {
  authorizedOrganization,
  getOrganization,
  listOrganizations,
  organizationBilling,
  organizationMembers,
} from "../organizations/service.ts";
import { memberInput, memberRoleInput, organizationIdInput, organizationInput } from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";

export const organizationsRouter = {
  list: protectedProcedure.query(({ ctx }) => listOrganizations(ctx)),
  get: protectedProcedure.input(organizationIdInput).query(({ ctx, input }) => getOrganization(ctx, input.id)),
  billing: protectedProcedure
    .input(organizationInput)
    .query(({ ctx, input }) => organizationBilling(ctx, input.organizationId)),
  members: protectedProcedure
    .input(organizationInput)
    .query(({ ctx, input }) => organizationMembers(ctx, input.organizationId)),
  assignRole: protectedProcedure.input(memberRoleInput).mutation(async ({ ctx, input }) => {
    const organization = await authorizedOrganization(ctx, input.organizationId, "assignRole");
    return assignRole(ctx.db, organization.id, input.userId, input.role);
  }),
  addMember: protectedProcedure.input(memberRoleInput).mutation(async ({ ctx, input }) => {
    const organization = await authorizedOrganization(ctx, input.organizationId, "addMember");
    return addMember(ctx.db, organization.id, input.userId, input.role);
  }),
  removeMember: protectedProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    const organization = await authorizedOrganization(ctx, input.organizationId, "removeMember");
    return removeMember(ctx.db, organization.id, input.userId);
  }),
} satisfies TRPCRouterRecord;
