import type { TRPCRouterRecord } from "@trpc/server";
import { explain } from "../decisions/explain.ts";
import { lookupDecision } from "../decisions/lookup.ts";
import { decisionLookupInput, explainInput } from "../schemas.ts";
import { protectedProcedure } from "../trpc.ts";

export const decisionsRouter = {
  /** "Why can't I …?": `{ allowed, reasons, cerbosCallId }` for one row and action. */
  explain: protectedProcedure.input(explainInput).query(({ ctx, input }) => explain(ctx, input)),
  /** Admins: a decision from the PDPs' audit trail by its call id. */
  lookup: protectedProcedure.input(decisionLookupInput).query(({ ctx, input }) => lookupDecision(ctx, input.callId)),
} satisfies TRPCRouterRecord;
