import { checkHealth } from "../health.ts";
import { publicProcedure } from "../trpc.ts";

/** Public: whether the database and the PDP answer (also served as plain JSON at GET /health). */
export const healthProcedure = publicProcedure.query(({ ctx }) => checkHealth(ctx.db, ctx.pdp));
