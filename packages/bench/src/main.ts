/**
 * `pnpm bench`: builds its own data in temp SQLite files, measures the authorized list, the
 * translation and the API under load, prints a report and (full mode) writes BENCHMARKS.md.
 * Exits non-zero when a row of the report is missing or errored (never on a figure).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { repoPoliciesDir, startPdp } from "@repo/pdp";
import { configFrom } from "./config.ts";
import { sqliteVersion } from "./data/sqlite.ts";
import { describeMachine } from "./machine.ts";
import { renderDocument } from "./output.ts";
import { elapsedSeconds, progress } from "./progress.ts";
import { Report } from "./report.ts";
import { auditLogFile, runAll } from "./run.ts";
import { declareSections } from "./sections.ts";
import { loadRecordedPlans } from "./translation/plans.ts";

const benchmarksFile = fileURLToPath(new URL("../../../BENCHMARKS.md", import.meta.url));

async function main(): Promise<number> {
  const config = configFrom(process.argv.slice(2));
  const startedAt = new Date();
  const loadBefore = loadavg();
  const report = new Report();
  const planNames = safePlanNames();
  const sections = declareSections(report, config, planNames);
  const dir = mkdtempSync(join(tmpdir(), "repo-bench-"));
  progress(`${config.mode} mode, sizes ${config.sizes.join(", ")}; temp files in ${dir}`);
  const pdp = await startPdp({ policiesDir: repoPoliciesDir, auditLogPath: auditLogFile(dir) });
  try {
    await runAll(config, sections, dir, pdp.httpUrl, pdp.pid, `grpc://${pdp.grpcUrl}`);
  } finally {
    await pdp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const machine = describeMachine(await sqliteVersion());
  const document = renderDocument(report, { config, machine, startedAt, seconds: elapsedSeconds(), loadBefore });
  const target =
    config.mode === "full"
      ? benchmarksFile
      : join(mkdtempSync(join(tmpdir(), "repo-bench-report-")), "BENCHMARKS.quick.md");
  writeFileSync(target, document);
  process.stdout.write(`${document}\n`);
  const problems = report.problems();
  progress(`report written to ${target}`);
  if (problems.length > 0) {
    progress(
      `FAILED: ${problems.length} row(s) missing or errored:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`,
    );
    return 1;
  }
  progress(`done in ${Math.round(elapsedSeconds())} s`);
  return 0;
}

function safePlanNames(): string[] {
  try {
    return loadRecordedPlans().map((plan) => plan.name);
  } catch {
    return ["recorded plans"];
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    progress(`bench crashed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
