import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { isAdmin } from "../authz/membership.ts";
import type { Database } from "../db/database.ts";
import { notFound } from "../errors.ts";
import { protectedProcedure } from "../trpc.ts";
import { userId } from "../validation.ts";
import { publicUser } from "./auth.ts";

// The policies have no `user` resource kind yet, so user administration is gated on the admin
// role here (the principal's role comes from the database, like everything Cerbos sees).
const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.session)) throw new TRPCError({ code: "FORBIDDEN", message: "Only admins manage users." });
  return next();
});

const userIdInput = z.object({ userId });

export const usersRouter = {
  list: adminProcedure.query(async ({ ctx }) => {
    const users = await ctx.db.models.User.findAll({ order: [["username", "ASC"]] });
    return users.map(publicUser);
  }),

  /** Bans the user and revokes their tokens (the token version moves on). */
  ban: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx.db, input.userId, true)),
  unban: adminProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx.db, input.userId, false)),
} satisfies TRPCRouterRecord;

async function setBanned(db: Database, id: string, isBanned: boolean) {
  return db.transaction(async (transaction) => {
    const user = await db.models.User.findByPk(id, { transaction });
    if (!user) throw notFound("User");
    await user.update({ isBanned, tokenVersion: user.tokenVersion + 1 }, { transaction });
    return publicUser(user);
  });
}
