import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// @repo/pdp is not a dependency of this package; its global setup is reached by path.
const pdpGlobalSetup = fileURLToPath(new URL("../pdp/src/global-setup.ts", import.meta.url));

export default defineProject({
  test: {
    name: "client",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: [pdpGlobalSetup],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The type tests' failures count here; errors in other files are the typecheck step's job.
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
      ignoreSourceErrors: true,
    },
  },
});
