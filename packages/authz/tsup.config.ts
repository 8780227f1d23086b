import { defineConfig } from "tsup";

// The published build: ESM + CommonJS + declarations. Peer dependencies (sequelize,
// @cerbos/core) stay external; @cerbos/core is imported for types only, so the CommonJS build
// never requires it (it is ESM-only).
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  target: "node20",
  platform: "node",
  outDir: "dist",
  clean: true,
  sourcemap: false,
  treeshake: true,
});
