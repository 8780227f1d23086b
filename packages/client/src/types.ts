import type { AppRouter } from "@repo/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** The API's router type: the browser's only way to it (apps/web imports it from here, never from @repo/api). */
export type { AppRouter };

/** Input of every procedure, e.g. `RouterInputs["contacts"]["list"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Output of every procedure as the client receives it (JSON: dates arrive as strings). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
