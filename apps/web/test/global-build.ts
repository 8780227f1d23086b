import { buildWeb } from "./build-web.ts";

/** Vitest global setup: build the web app once per run, before any test reads or serves dist/. */
export default async function setup(): Promise<void> {
  await buildWeb();
}
