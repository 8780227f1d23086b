import { defineProject } from "vitest/config";
import { budget } from "./src/budget.ts";

export default defineProject({
  test: {
    name: "reliability",
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // One PDP with the shipped policies; the outage and policy scenarios start their own.
    globalSetup: ["@repo/pdp/global-setup"],
    testTimeout: budget.testTimeoutMs,
    hookTimeout: 60_000,
    // Each file starts its own PDP and API and loads two cores: run them one after another.
    fileParallelism: false,
  },
});
