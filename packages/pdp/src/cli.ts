#!/usr/bin/env -S node --import tsx
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { devAdminCredentials } from "./admin-api.ts";
import { repoPoliciesDir } from "./paths.ts";
import { startPdp } from "./start.ts";

// Dev runner: `pnpm --filter @repo/pdp dev` starts the PDP on the shipped ports with policy
// watching; decisions are kept in the local audit store .data/cerbos-audit/, which the API reads
// through the Admin API (decision lookup; credentials: admin-api.ts, devAdminCredentials).
const watch = process.argv.includes("--watch");
const dataDir = fileURLToPath(new URL("../../../.data", import.meta.url));
mkdirSync(dataDir, { recursive: true });
const pdp = await startPdp({
  policiesDir: repoPoliciesDir,
  httpPort: Number(process.env.CERBOS_HTTP_PORT ?? 3592),
  grpcPort: Number(process.env.CERBOS_GRPC_PORT ?? 3593),
  watch,
  adminApi: { ...devAdminCredentials(dataDir), auditStorePath: `${dataDir}/cerbos-audit` },
  // The dev console shows what needs attention: warnings, errors (a broken policy edit) and
  // policy (re)loads; not per-request access lines or start-up chatter. Decisions: the audit log.
  onLog: (line) => {
    if (worthShowing(line)) process.stdout.write(`[pdp] ${line}\n`);
  },
});
console.log(`Cerbos PDP serving ${repoPoliciesDir} at ${pdp.httpUrl}${watch ? " (watching policies)" : ""}`);
console.log(`Decisions: ${dataDir}/cerbos-audit/ (look them up by call id in the web app: #/admin/decisions)`);
// Ctrl-C arrives twice (from the terminal and relayed by tsx): stop once, exit 0.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void pdp.stop().then(() => process.exit(0));
  });
}

function worthShowing(line: string): boolean {
  let entry: { "log.level"?: string; "log.logger"?: string; message?: string };
  try {
    entry = JSON.parse(line);
  } catch {
    return true;
  }
  if (entry.message?.includes("OTLP")) return false;
  const policyEvent = entry["log.logger"] === "cerbos.index" || entry["log.logger"] === "cerbos.dir.watch";
  return policyEvent || ["warn", "error", "fatal"].includes(entry["log.level"] ?? "");
}
