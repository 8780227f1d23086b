import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "api",
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    globalSetup: [
      "@repo/pdp/global-setup",
      "./test/support/postgres-global-setup.ts",
      "./test/support/mariadb-global-setup.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: each integration file starts an API (and may share the Postgres cluster);
    // running files one after another keeps timings stable.
    fileParallelism: false,
  },
});
