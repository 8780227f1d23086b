import type { TRPCRouterRecord } from "@trpc/server";
import { userIdInput, userListInput } from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";
import { listUsers } from "../users/list.ts";
import { setBanned } from "../users/service.ts";

export const usersRouter = {
  list: protectedProcedure.input(userListInput).query(({ ctx, input }) => listUsers(ctx, input)),
  /** Bans the user and revokes their tokens. */
  ban: protectedProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx, input.userId, true)),
  unban: protectedProcedure.input(userIdInput).mutation(({ ctx, input }) => setBanned(ctx, input.userId, false)),
} satisfies TRPCRouterRecord;
