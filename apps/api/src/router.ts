import { kindRouters } from "./kinds.ts";
import { authRouter } from "./routers/auth.ts";
import { decisionsRouter } from "./routers/decisions.ts";
import { healthProcedure } from "./routers/health.ts";
import { tagsRouter } from "./routers/tags.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  ...kindRouters,
  tags: tagsRouter,
  decisions: decisionsRouter,
  health: healthProcedure,
});

export type AppRouter = typeof appRouter;
