import type { BenchConfig } from "../config.ts";
import { progress } from "../progress.ts";
import type { Section } from "../report.ts";
import { startApiProcess } from "./api-child.ts";
import type { Side } from "./paired.ts";
import { openSessions } from "./section.ts";
import {
  planCacheMs,
  planCacheNames,
  runSettingSection,
  settingConnections,
  settingProcedures,
  transportNames,
} from "./setting-section.ts";

/** Every row of a setting section marked as failed with `error`. */
function failAll(section: Section, config: BenchConfig, error: Error): void {
  for (const procedure of settingProcedures(config.mode)) {
    for (const connections of settingConnections(config.load)) section.fail([procedure, String(connections)], error);
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
  progress("starting a second API with the PDP over gRPC");
  const overGrpc = await startApiProcess(databaseUrl, pdpGrpcUrl);
  try {
    const b = { api: overGrpc, sessions: await openSessions(overGrpc) };
    await runSettingSection(section, transportNames, { a: http, b }, config, pdpPid);
  } finally {
    await overGrpc.stop();
  }
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
  progress(`starting a second API with PLAN_CACHE_MS=${planCacheMs}`);
  const caching = await startApiProcess(databaseUrl, pdpUrl, { planCacheMs });
  try {
    const b = { api: caching, sessions: await openSessions(caching) };
    await runSettingSection(section, planCacheNames, { a: uncached, b }, config, pdpPid);
  } finally {
    await caching.stop();
  }
}
