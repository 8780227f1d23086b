import type { TRPCRouterRecord } from "@trpc/server";
import { protectedProcedure } from "../trpc.ts";

export const tagsRouter = {
  /** Tag names for pickers. Tags are shared vocabulary, not a Cerbos resource: signing in suffices. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const tags = await ctx.db.models.Tag.findAll({ order: [["name", "ASC"]] });
    return tags.map((tag) => ({ id: tag.id, name: tag.name }));
  }),
} satisfies TRPCRouterRecord;
