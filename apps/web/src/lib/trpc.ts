import type { AppRouter } from "@repo/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/** tRPC's TanStack Query integration: `useTRPC()` gives typed queryOptions / mutationOptions. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
