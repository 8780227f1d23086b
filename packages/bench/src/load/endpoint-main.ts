/**
 * Section 4 alone (the API under load), for measuring one lever without a full `pnpm bench`:
 *   npx -y pnpm@10.34.9 --filter @repo/bench endpoint -- [--contacts=100000] [--quick]
 *     [--procedures=contacts.list,contacts.list cursor page] [--connections=1,10,50]
 *     [--cpu-prof=DIR] [--no-source-maps] [--log-level=info] [--plan-cache-ms=1000]
 *     [--sqlite-read-connections=4]
 * builds the bench's generated SQLite file, starts the PDP and the API (its own process, as in
 * `pnpm bench`) and prints the section's table. `--cpu-prof=DIR`: the API process runs with
 * node's --cpu-prof and writes its profile to DIR when it stops.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoPoliciesDir, startPdp } from "@repo/pdp";
import { configFrom } from "../config.ts";
import { buildDatabase } from "../data/build.ts";
import { progress } from "../progress.ts";
import { Report } from "../report.ts";
import { startApiProcess } from "./api-child.ts";
import { type LoadProcedure, loadColumns, loadProcedures, openSessions, runLoadSection } from "./section.ts";

const args = process.argv.slice(2);
const isLoadProcedure = (name: string): name is LoadProcedure => (loadProcedures as readonly string[]).includes(name);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

async function main(): Promise<number> {
  const configured = configFrom(args.filter((arg) => arg === "--quick")).load;
  const cells = option("connections")?.split(",").map(Number);
  const load = cells === undefined ? configured : { ...configured, connections: cells, extraConnections: cells };
  const contacts = Number(option("contacts") ?? 100_000);
  const names: readonly string[] = option("procedures")?.split(",") ?? loadProcedures;
  const only = names.filter(isLoadProcedure);
  const unknown = names.filter((name) => !isLoadProcedure(name));
  if (unknown.length > 0) throw new Error(`unknown procedure(s) ${unknown.join(", ")}: ${loadProcedures.join(", ")}`);
  const profileDir = option("cpu-prof");
  const dir = mkdtempSync(join(tmpdir(), "repo-bench-endpoint-"));
  const pdp = await startPdp({ policiesDir: repoPoliciesDir, auditLogPath: join(dir, "pdp-audit.log") });
  const section = new Report().section(
    `4. API under load (${contacts.toLocaleString("en-US")} contacts)`,
    ["procedure", "connections"],
    loadColumns,
    "",
  );
  try {
    const built = await buildDatabase(dir, contacts);
    await built.db.sequelize.close();
    if (option("log-level")) process.env.BENCH_LOG_LEVEL = option("log-level");
    // --no-source-maps: what Sequelize's SQLite query costs when the stack it formats on every
    // statement (query.js reads errForStack.stack on success too) is not source-mapped.
    if (args.includes("--no-source-maps")) process.env.BENCH_SOURCE_MAPS = "off";
    const api = await startApiProcess(built.url, pdp.httpUrl, {
      planCacheMs: Number(option("plan-cache-ms") ?? 0),
      ...(option("sqlite-read-connections") === undefined
        ? {}
        : { sqliteReadConnections: Number(option("sqlite-read-connections")) }),
      nodeOptions: profileDir === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
    });
    try {
      const sessions = await openSessions(api);
      await runLoadSection(section, api, sessions, load, pdp.pid, only);
    } finally {
      await api.stop();
    }
  } finally {
    await pdp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${section.markdown()}\n`);
  return section.problems().length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    progress(`endpoint run crashed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
