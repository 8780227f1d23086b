import { defineConfig } from "vitest/config";

// One root config; each workspace brings its own project config (vitest.config.ts).
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
