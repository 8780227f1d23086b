import type { BenchConfig } from "../config.ts";
import { progress } from "../progress.ts";
import type { Section } from "../report.ts";
import { type ApiProcessOptions, startApiProcess } from "./api-child.ts";
import type { Side } from "./paired.ts";
import { openSessions } from "./section.ts";
import {
  planCacheMs,
  planCacheNames,
  readConnectionNames,
  readConnections,
  runSettingSection,
  type SettingNames,
  settingConnections,
  settingProcedures,
  transportNames,
} from "./setting-section.ts";

/** The second API of a setting section: where it reads and asks, what it sets, which side it is. */
interface SecondApi {
  databaseUrl: string;
  cerbosUrl: string;
  options: ApiProcessOptions;
  /** `b`: the second API runs the alternative (the first is the default); `a`: the other way round. */
  side: "a" | "b";
}

/** Every row of a setting section marked as failed with `error`. */
function failAll(section: Section, config: BenchConfig, error: Error): void {
  for (const procedure of settingProcedures(config.mode)) {
    for (const connections of settingConnections(config.load)) section.fail([procedure, String(connections)], error);
  }
}

/** Starts the second API, runs the section with the first on its side, stops the second. */
async function againstSecondApi(
  section: Section,
  names: SettingNames,
  first: Side,
  second: SecondApi,
  config: BenchConfig,
  pdpPid: number | undefined,
): Promise<void> {
  progress(`starting a second API with ${second.side === "b" ? names.b : names.a}`);
  const api = await startApiProcess(second.databaseUrl, second.cerbosUrl, second.options);
  try {
    const other = { api, sessions: await openSessions(api) };
    const sides = second.side === "b" ? { a: first, b: other } : { a: other, b: first };
    await runSettingSection(section, names, sides, config, pdpPid);
  } finally {
    await api.stop();
  }
}

/** Section 4e: a second API on the same database with CERBOS_URL=grpc://…, side by side with the first. */
export async function runTransport(
  section: Section,
  http: Side,
  databaseUrl: string,
  pdpGrpcUrl: string | undefined,
  config: BenchConfig,
  pdpPid: number | undefined,
): Promise<void> {
  if (pdpGrpcUrl === undefined) return failAll(section, config, new Error("no gRPC URL of the PDP was given"));
  const second = { databaseUrl, cerbosUrl: pdpGrpcUrl, options: {}, side: "b" } as const;
  await againstSecondApi(section, transportNames, http, second, config, pdpPid);
}

/** Section 4f: a second API on the same database and PDP with PLAN_CACHE_MS=1000, side by side with the first. */
export async function runPlanCache(
  section: Section,
  uncached: Side,
  databaseUrl: string,
  pdpUrl: string,
  config: BenchConfig,
  pdpPid: number | undefined,
): Promise<void> {
  const second = { databaseUrl, cerbosUrl: pdpUrl, options: { planCacheMs }, side: "b" } as const;
  await againstSecondApi(section, planCacheNames, uncached, second, config, pdpPid);
}

/** Section 4g: a second API on the same database and PDP reading through one SQLite connection, beside the first (the default, 4). */
export async function runReadConnections(
  section: Section,
  defaults: Side,
  databaseUrl: string,
  pdpUrl: string,
  config: BenchConfig,
  pdpPid: number | undefined,
): Promise<void> {
  const options = { sqliteReadConnections: readConnections.a };
  const second = { databaseUrl, cerbosUrl: pdpUrl, options, side: "a" } as const;
  await againstSecondApi(section, readConnectionNames, defaults, second, config, pdpPid);
}
