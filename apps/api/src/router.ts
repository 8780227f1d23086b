import { kindRouters } from "./kinds.ts";
import { authRouter } from "./routers/auth.ts";
import { healthProcedure } from "./routers/health.ts";
import { tagsRouter } from "./routers/tags.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  ...kindRouters,
  tags: tagsRouter,
  health: healthProcedure,
});

export type AppRouter = typeof appRouter;
