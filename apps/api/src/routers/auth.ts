import type { TRPCRouterRecord } from "@trpc/server";
import { decoyHash, verifyPassword } from "../auth/password.ts";
import type { MembershipModel } from "../db/models/index.ts";
import { tooManyRequests, unauthorized } from "../errors.ts";
import { loginInput } from "../schemas.ts";
import { protectedProcedure, publicProcedure } from "../trpc.ts";
import { publicUser } from "../users/serialize.ts";

const membershipView = (m: MembershipModel) => ({ organizationId: m.organizationId, role: m.role });

export const authRouter = {
  /** Public: whether the web app offers "Sign in with your identity provider", and where (no secrets). */
  oidcInfo: publicProcedure.query(async ({ ctx }) =>
    ctx.oidc ? { enabled: true as const, ...(await ctx.oidc.discover()) } : { enabled: false as const },
  ),

  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    // Limited per (account, client address): guesses from one place are refused, the account's
    // owner elsewhere is at most slowed down (auth/rate-limit.ts).
    const verdict = await ctx.loginLimiter.acquire(input.username, ctx.clientAddress);
    if (verdict.retryAfterSeconds > 0) {
      throw tooManyRequests(
        `Too many failed sign-ins for this user from your address: try again in ${verdict.retryAfterSeconds} s.`,
      );
    }
    if (verdict.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
    const user = await ctx.db.models.User.findOne({ where: { username: input.username } });
    // Compare against a decoy when the user does not exist, so timing does not reveal usernames.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !valid) {
      await ctx.loginLimiter.recordFailure(input.username);
      throw unauthorized("Wrong username or password.");
    }
    await ctx.loginLimiter.reset(input.username, ctx.clientAddress);
    const { token, expiresAt } = await ctx.tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion });
    ctx.log.info({ userId: user.id }, "signed in");
    return { token, expiresAt: expiresAt.toISOString(), user: publicUser(user) };
  }),

  me: protectedProcedure.query(({ ctx }) => ({
    user: publicUser(ctx.session.user),
    memberships: ctx.session.memberships.map(membershipView),
  })),

  /** Revokes every token of the user (all devices): the token version moves on. */
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    const { User } = ctx.db.models;
    await ctx.db.transaction((transaction) =>
      User.increment("tokenVersion", { where: { id: ctx.session.user.id }, transaction }),
    );
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
