import { type Transaction, UniqueConstraintError } from "sequelize";
import type { AuthzContext } from "../authz/guard.ts";
import { decidedWrite } from "../authz/write.ts";
import type { Database } from "../db/database.ts";
import type { MembershipModel, MembershipRole } from "../db/models/index.ts";
import { conflict, notFound } from "../errors.ts";
import { authorizedOrganization } from "./service.ts";

// Member management: decided by the PDP on the caller's state (`decidedWrite`: re-checked
// against the caller's rows when the write commits), then the organization's rules (the last
// owner stays) on the memberships as they are in the same transaction.

/**
 * The organization's memberships, locked for the rest of the transaction on Postgres so two
 * concurrent demotions cannot both see "another owner remains". (SQLite serializes writers.)
 */
async function lockedMemberships(db: Database, organizationId: number, transaction: Transaction) {
  return db.models.Membership.findAll({
    where: { organizationId },
    order: [["id", "ASC"]],
    transaction,
    lock: db.dialect === "sqlite" ? undefined : transaction.LOCK.UPDATE,
  });
}

function requireMember(memberships: MembershipModel[], userId: string): MembershipModel {
  const membership = memberships.find((m) => m.userId === userId);
  if (!membership) throw notFound("Member");
  return membership;
}

function requireAnotherOwner(memberships: MembershipModel[], userId: string): void {
  if (!memberships.some((m) => m.role === "owner" && m.userId !== userId)) {
    throw conflict("An organization needs at least one owner: make someone else owner first.");
  }
}

interface MemberInput {
  organizationId: number;
  userId: string;
}

export function assignRole(ctx: AuthzContext, input: MemberInput & { role: MembershipRole }) {
  return decidedWrite(ctx, async (ctx) => {
    const { id: organizationId } = await authorizedOrganization(ctx, input.organizationId, "assignRole");
    return {
      lockFirst: (transaction) => lockedMemberships(ctx.db, organizationId, transaction),
      write: async (transaction, memberships) => {
        const membership = requireMember(memberships, input.userId);
        if (membership.role === "owner" && input.role !== "owner") requireAnotherOwner(memberships, input.userId);
        await membership.update({ role: input.role }, { transaction });
        return { organizationId, userId: input.userId, role: input.role };
      },
    };
  });
}

export function addMember(ctx: AuthzContext, input: MemberInput & { role: MembershipRole }) {
  return decidedWrite(ctx, async (ctx) => {
    const { id: organizationId } = await authorizedOrganization(ctx, input.organizationId, "addMember");
    const { userId, role } = input;
    return {
      lockFirst: (transaction) => lockedMemberships(ctx.db, organizationId, transaction),
      write: async (transaction, memberships) => {
        // Only after the decision: whether a user exists is for those who may add members.
        const user = await ctx.db.models.User.findByPk(userId, { attributes: ["id"], transaction });
        if (!user) throw notFound("User");
        if (memberships.some((m) => m.userId === userId)) throw conflict(`${userId} is already a member.`);
        // A concurrent add of the same user can pass the check above; the unique index decides.
        await ctx.db.models.Membership.create({ organizationId, userId, role }, { transaction }).catch(
          (error: unknown) => {
            throw error instanceof UniqueConstraintError ? conflict(`${userId} is already a member.`) : error;
          },
        );
        return { organizationId, userId, role };
      },
    };
  });
}

export function removeMember(ctx: AuthzContext, input: MemberInput) {
  return decidedWrite(ctx, async (ctx) => {
    const { id: organizationId } = await authorizedOrganization(ctx, input.organizationId, "removeMember");
    return {
      lockFirst: (transaction) => lockedMemberships(ctx.db, organizationId, transaction),
      write: async (transaction, memberships) => {
        const membership = requireMember(memberships, input.userId);
        if (membership.role === "owner") requireAnotherOwner(memberships, input.userId);
        await membership.destroy({ transaction });
        return { organizationId, userId: input.userId };
      },
    };
  });
}
