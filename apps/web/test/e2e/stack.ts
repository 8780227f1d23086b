import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StartApiOptions, startApi } from "@repo/api";
// Brings in the type of inject("cerbosUrl") that the PDP global setup provides.
import type {} from "@repo/pdp/global-setup";
import { webDist } from "../build-web.ts";

export interface Stack {
  url: string;
  stop: () => Promise<void>;
}

/** The API on a free port with a freshly seeded SQLite file, serving the built web app at `/`. */
export async function startStack(cerbosUrl: string, options: Pick<StartApiOptions, "oidc"> = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), "web-e2e-"));
  const api = await startApi({
    port: 0,
    databaseUrl: `sqlite:${join(dir, "e2e.db")}`,
    cerbosUrl,
    authSecret: "e2e-secret-that-is-long-enough-for-hs256-signing",
    seed: true,
    logLevel: "warn",
    webDir: webDist,
    ...options,
  });
  return {
    url: api.url,
    stop: async () => {
      await api.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
