import type { AppRouter } from "@repo/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** Input of every procedure, e.g. `RouterInputs["contacts"]["list"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Output of every procedure as the client receives it (JSON: dates arrive as strings). */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
