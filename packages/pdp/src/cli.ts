#!/usr/bin/env -S node --import tsx
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { repoPoliciesDir } from "./paths.ts";
import { startPdp } from "./start.ts";

// Dev runner: `pnpm --filter @repo/pdp dev` starts the PDP on the shipped ports with policy
// watching; decisions are appended to .data/cerbos-audit.log.
const watch = process.argv.includes("--watch");
const dataDir = fileURLToPath(new URL("../../../.data", import.meta.url));
mkdirSync(dataDir, { recursive: true });
const pdp = await startPdp({
  policiesDir: repoPoliciesDir,
  httpPort: Number(process.env.CERBOS_HTTP_PORT ?? 3592),
  grpcPort: Number(process.env.CERBOS_GRPC_PORT ?? 3593),
  watch,
  auditLogPath: `${dataDir}/cerbos-audit.log`,
  // Per-request access lines would drown the dev console; decisions are in the audit log file.
  onLog: (line) => {
    if (!line.includes('"Handled request"')) process.stdout.write(`[pdp] ${line}\n`);
  },
});
console.log(`Cerbos PDP serving ${repoPoliciesDir} at ${pdp.httpUrl}${watch ? " (watching policies)" : ""}`);
console.log(`Decision audit log: ${dataDir}/cerbos-audit.log`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void pdp.stop().then(() => process.exit(0));
  });
}
