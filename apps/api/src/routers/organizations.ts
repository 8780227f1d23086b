import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { PlanKind } from "../authz/adapter.ts";
import { authorize, checkResources } from "../authz/check.ts";
import { organizationMapper, resourceKinds } from "../authz/mappers.ts";
import { planFilter } from "../authz/plan.ts";
import { organizationResource } from "../authz/resources.ts";
import { membershipRoles, type OrganizationModel } from "../db/models/index.ts";
import { loadOrganization } from "../organizations/load.ts";
import { addMember, assignRole, removeMember } from "../organizations/members.ts";
import { protectedProcedure } from "../trpc.ts";
import { rowId, userId } from "../validation.ts";

const id = rowId;
const organizationInput = z.object({ organizationId: id });
const memberInput = z.object({ organizationId: id, userId });
const roleInput = memberInput.extend({ role: z.enum(membershipRoles) });
const listActions = ["read", "readBilling", "listMembers", "assignRole", "addMember", "removeMember"] as const;

const organizationView = (organization: OrganizationModel) => ({ id: organization.id, name: organization.name });

export const organizationsRouter = {
  /** The organizations the user may read (an admin: all), with the user's role and allowed actions. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const { Organization } = ctx.db.models;
    const filter = await planFilter(ctx, {
      kind: resourceKinds.organization,
      action: "read",
      model: Organization,
      mapper: organizationMapper,
    });
    if (filter.kind === PlanKind.ALWAYS_DENIED) return [];
    const rows = await Organization.findAll({ where: filter.where, order: [["name", "ASC"]], limit: 50 });
    if (rows.length === 0) return [];
    const decisions = await checkResources(
      ctx,
      rows.map((organization) => ({ resource: organizationResource(organization), actions: [...listActions] })),
    );
    return rows.map((organization, index) => {
      const result = decisions.results[index];
      const allowed = Object.fromEntries(listActions.map((action) => [action, result?.isAllowed(action) === true]));
      return {
        ...organizationView(organization),
        role: ctx.session.memberships.find((m) => m.organizationId === organization.id)?.role ?? null,
        allowedActions: allowed as Record<(typeof listActions)[number], boolean>,
      };
    });
  }),

  get: protectedProcedure.input(z.object({ id })).query(async ({ ctx, input }) => {
    const organization = await loadOrganization(ctx.db, ctx.session, input.id);
    await authorize(ctx, organizationResource(organization), ["read"]);
    return organizationView(organization);
  }),

  billing: protectedProcedure.input(organizationInput).query(async ({ ctx, input }) => {
    const organization = await loadOrganization(ctx.db, ctx.session, input.organizationId);
    await authorize(ctx, organizationResource(organization), ["readBilling"]);
    return { ...organizationView(organization), billingAddress: organization.billingAddress };
  }),

  members: protectedProcedure.input(organizationInput).query(async ({ ctx, input }) => {
    const organization = await loadOrganization(ctx.db, ctx.session, input.organizationId);
    await authorize(ctx, organizationResource(organization), ["listMembers"]);
    const { Membership, User } = ctx.db.models;
    const memberships = await Membership.findAll({
      where: { organizationId: organization.id },
      include: [{ model: User, as: "user", attributes: ["id", "username", "name"] }],
      order: [["userId", "ASC"]],
    });
    return memberships.map((m) => ({
      userId: m.userId,
      username: m.user?.username ?? m.userId,
      name: m.user?.name ?? m.userId,
      role: m.role,
    }));
  }),

  assignRole: protectedProcedure.input(roleInput).mutation(async ({ ctx, input }) => {
    const organization = await loadOrganization(ctx.db, ctx.session, input.organizationId);
    await authorize(ctx, organizationResource(organization), ["assignRole"]);
    return assignRole(ctx.db, organization.id, input.userId, input.role);
  }),

  addMember: protectedProcedure.input(roleInput).mutation(async ({ ctx, input }) => {
    const organization = await loadOrganization(ctx.db, ctx.session, input.organizationId);
    await authorize(ctx, organizationResource(organization), ["addMember"]);
    return addMember(ctx.db, organization.id, input.userId, input.role);
  }),

  removeMember: protectedProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    const organization = await loadOrganization(ctx.db, ctx.session, input.organizationId);
    await authorize(ctx, organizationResource(organization), ["removeMember"]);
    return removeMember(ctx.db, organization.id, input.userId);
  }),
} satisfies TRPCRouterRecord;
