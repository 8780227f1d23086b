import { type Transaction, UniqueConstraintError } from "sequelize";
import type { Database } from "../db/database.ts";
import type { MembershipModel, MembershipRole } from "../db/models/index.ts";
import { conflict, notFound } from "../errors.ts";

/**
 * The organization's memberships, locked for the rest of the transaction on Postgres so two
 * concurrent demotions cannot both see "another owner remains". (SQLite serializes writers.)
 */
async function lockedMemberships(db: Database, organizationId: number, transaction: Transaction) {
  return db.models.Membership.findAll({
    where: { organizationId },
    transaction,
    lock: db.dialect === "postgres" ? transaction.LOCK.UPDATE : undefined,
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

export async function assignRole(db: Database, organizationId: number, userId: string, role: MembershipRole) {
  return db.transaction(async (transaction) => {
    const memberships = await lockedMemberships(db, organizationId, transaction);
    const membership = requireMember(memberships, userId);
    if (membership.role === "owner" && role !== "owner") requireAnotherOwner(memberships, userId);
    await membership.update({ role }, { transaction });
    return { organizationId, userId, role };
  });
}

export async function addMember(db: Database, organizationId: number, userId: string, role: MembershipRole) {
  if (!(await db.models.User.findByPk(userId, { attributes: ["id"] }))) throw notFound("User");
  return db.transaction(async (transaction) => {
    const memberships = await lockedMemberships(db, organizationId, transaction);
    if (memberships.some((m) => m.userId === userId)) throw conflict(`${userId} is already a member.`);
    // A concurrent add of the same user can pass the check above; the unique index decides.
    await db.models.Membership.create({ organizationId, userId, role }, { transaction }).catch((error: unknown) => {
      throw error instanceof UniqueConstraintError ? conflict(`${userId} is already a member.`) : error;
    });
    return { organizationId, userId, role };
  });
}

export async function removeMember(db: Database, organizationId: number, userId: string) {
  return db.transaction(async (transaction) => {
    const memberships = await lockedMemberships(db, organizationId, transaction);
    const membership = requireMember(memberships, userId);
    if (membership.role === "owner") requireAnotherOwner(memberships, userId);
    await membership.destroy({ transaction });
    return { organizationId, userId };
  });
}
