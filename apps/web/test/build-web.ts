import { fileURLToPath } from "node:url";
import { build } from "vite";

export const webRoot = fileURLToPath(new URL("..", import.meta.url));
export const webDist = fileURLToPath(new URL("../dist", import.meta.url));

/** Builds the production bundle into apps/web/dist, the files the API serves in tests and production. */
export async function buildWeb(): Promise<void> {
  await build({ root: webRoot, configFile: `${webRoot}/vite.config.ts`, logLevel: "warn" });
}
