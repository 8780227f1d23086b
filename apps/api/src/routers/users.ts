import type { TRPCRouterRecord } from "@trpc/server";
import { userIdInput } from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";
import { listUsers, setBanned } from "../users/service.ts";

export const usersRouter = {
  list: protectedProcedure.query(({ ctx }) => listUsers(ctx)),
  /** Bans the user and revokes their tokens. */
  ban: protectedProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx, input.userId, true)),
  unban: protectedProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx, input.userId, false)),
} satisfies TRPCRouterRecord;
