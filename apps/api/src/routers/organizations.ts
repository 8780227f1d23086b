import type { TRPCRouterRecord } from "@trpc/server";
import { listOrganizations } from "../organizations/list.ts";
import { addMember, assignRole, removeMember } from "../organizations/members.ts";
import { getOrganization, organizationBilling, organizationMembers } from "../organizations/service.ts";
import {
  memberInput,
  memberRoleInput,
  organizationIdInput,
  organizationInput,
  organizationListInput,
} from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";

export const organizationsRouter = {
  list: protectedProcedure.input(organizationListInput).query(({ ctx, input }) => listOrganizations(ctx, input)),
  get: protectedProcedure.input(organizationIdInput).query(({ ctx, input }) => getOrganization(ctx, input.id)),
  billing: protectedProcedure
    .input(organizationInput)
    .query(({ ctx, input }) => organizationBilling(ctx, input.organizationId)),
  members: protectedProcedure
    .input(organizationInput)
    .query(({ ctx, input }) => organizationMembers(ctx, input.organizationId)),
  assignRole: protectedProcedure.input(memberRoleInput).mutation(({ ctx, input }) => assignRole(ctx, input)),
  addMember: protectedProcedure.input(memberRoleInput).mutation(({ ctx, input }) => addMember(ctx, input)),
  removeMember: protectedProcedure.input(memberInput).mutation(({ ctx, input }) => removeMember(ctx, input)),
} satisfies TRPCRouterRecord;
