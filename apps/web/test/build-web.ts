import { fileURLToPath } from "node:url";
import { build } from "vite";

export const webRoot = fileURLToPath(new URL("..", import.meta.url));
export const webDist = fileURLToPath(new URL("../dist", import.meta.url));

/** Builds the production bundle into apps/web/dist, the files the API serves in tests and production. */
export async function buildWeb(): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: webRoot, configFile: `${webRoot}/vite.config.ts`, mode: "production", logLevel: "warn" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
