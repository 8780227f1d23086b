import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { PlanKind } from "../authz/adapter.ts";
import { type AuthzContext, authorize } from "../authz/check.ts";
import { resourceKinds, userMapper } from "../authz/mappers.ts";
import { planFilter } from "../authz/plan.ts";
import { userResource } from "../authz/resources.ts";
import type { Database } from "../db/database.ts";
import { forbidden, notFound } from "../errors.ts";
import { protectedProcedure } from "../trpc.ts";
import { userId } from "../validation.ts";
import { publicUser } from "./auth.ts";

const userIdInput = z.object({ userId });

export const usersRouter = {
  /** The users the caller may read (policies/user.yaml: admins). Nobody at all → FORBIDDEN. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const { User } = ctx.db.models;
    const filter = await planFilter(ctx, { kind: resourceKinds.user, action: "read", model: User, mapper: userMapper });
    if (filter.kind === PlanKind.ALWAYS_DENIED) throw forbidden(ctx.cerbosCallIds.at(-1) ?? "");
    const users = await User.findAll({ where: filter.where, order: [["username", "ASC"]] });
    return users.map(publicUser);
  }),

  /** Bans the user and revokes their tokens (the token version moves on). */
  ban: protectedProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx, ctx.db, input.userId, true)),
  unban: protectedProcedure
    .input(userIdInput)
    .mutation(({ ctx, input }) => setBanned(ctx, ctx.db, input.userId, false)),
} satisfies TRPCRouterRecord;

async function setBanned(ctx: AuthzContext, db: Database, id: string, isBanned: boolean) {
  const { User } = db.models;
  const user = await User.findByPk(id);
  // A missing user is checked as a plain user would be, so only those who may administer users
  // learn whether one exists.
  const resource = user
    ? userResource(user)
    : { kind: resourceKinds.user, id, attr: { role: "user", isBanned: !isBanned } };
  await authorize(ctx, resource, [isBanned ? "ban" : "unban"]);
  if (!user) throw notFound("User");
  return db.transaction(async (transaction) => {
    await User.update(
      { isBanned, tokenVersion: user.tokenVersion + 1 },
      { where: { id: user.id, tokenVersion: user.tokenVersion }, transaction },
    );
    await user.reload({ transaction });
    return publicUser(user);
  });
}
