import { authRouter } from "./routers/auth.ts";
import { companiesRouter } from "./routers/companies.ts";
import { contactsRouter } from "./routers/contacts.ts";
import { healthProcedure } from "./routers/health.ts";
import { organizationsRouter } from "./routers/organizations.ts";
import { tagsRouter } from "./routers/tags.ts";
import { usersRouter } from "./routers/users.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  contacts: contactsRouter,
  companies: companiesRouter,
  organizations: organizationsRouter,
  users: usersRouter,
  tags: tagsRouter,
  health: healthProcedure,
});

export type AppRouter = typeof appRouter;
