import { statSync } from "node:fs";
import { join } from "node:path";
import type { Principal } from "@cerbos/core";
import { createPdp, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import type { BenchConfig } from "./config.ts";
import { type BenchDatabase, buildDatabase } from "./data/build.ts";
import { type BenchUserName, benchUserNames } from "./data/generate.ts";
import { runLeverSection } from "./levers/section.ts";
import { explainUserQueries } from "./list/explain-section.ts";
import { runNaiveSection } from "./list/naive-section.ts";
import { loadPrincipals } from "./list/principals.ts";
import { measureProposedIndexes } from "./list/proposed-indexes.ts";
import { runListSection } from "./list/section.ts";
import { startApiProcess } from "./load/api-child.ts";
import { runBreakdown } from "./load/breakdown.ts";
import { runPdpShare } from "./load/pdp-share.ts";
import { openSessions, procedures, runLoadSection } from "./load/section.ts";
import { runPlanCache, runReadConnections, runTransport } from "./load/setting-runs.ts";
import { runVerifySection } from "./load/verify-section.ts";
import { SizeLock } from "./lock.ts";
import { installPrismaPeer } from "./peers/install.ts";
import { runPeerSection } from "./peers/section.ts";
import { progress } from "./progress.ts";
import { figure, round } from "./report.ts";
import type { Sections } from "./sections.ts";
import { summarize } from "./stats.ts";
import { runTranslationSection } from "./translation/section.ts";

const size = (contacts: number) => contacts.toLocaleString("en-US");

/** Every step for every size; a failing step marks its rows as errors and the run goes on. */
export async function runAll(
  config: BenchConfig,
  sections: Sections,
  dir: string,
  pdpUrl: string,
  pdpPid?: number,
  /** The same PDP's gRPC URL (grpc://host:port), for section 4e. */
  pdpGrpcUrl?: string,
): Promise<void> {
  const pdp = createPdp(pdpUrl, 10_000);
  const growth = new Map<BenchUserName, string[]>(benchUserNames.map((user) => [user, []]));
  const largest = config.sizes[config.sizes.length - 1]!;
  let translationDone = false;
  const peerReady = config.peers && (await preparePeer(sections, config));
  const lock = new SizeLock(config.lockFile);
  for (const contacts of config.sizes) {
    let built: BenchDatabase | undefined;
    await lock.acquire(`${size(contacts)} contacts`);
    try {
      built = await buildDatabase(dir, contacts);
      const { load } = built;
      sections.data.set(
        [size(contacts)],
        [
          load.rows.toLocaleString("en-US"),
          round(load.seconds),
          Math.round(load.rows / load.seconds).toLocaleString("en-US"),
          round(statSync(built.path).size / 2 ** 20),
          round(built.analyzeSeconds),
        ],
      );
      const principals = await loadPrincipals(built.db);
      const wholes = await runListSection(sections.list, contacts, built.db, pdp, principals, config.list);
      for (const user of benchUserNames) {
        const samples = wholes[user];
        growth.get(user)!.push(samples ? figure(summarize(samples)) : "error");
      }
      if (!translationDone) {
        runTranslationSection(sections.translation, built.db, config.translation);
        translationDone = true;
      }
      if (contacts === config.naiveSize) {
        await runNaiveSection(
          sections.naive,
          contacts,
          config.naiveTargetSize,
          built.db,
          pdp,
          principals.sales,
          config.naive,
        );
      }
      if (contacts === config.loadSize)
        await runLoad(config, sections, built, pdp, { pdpUrl, pdpPid, pdpGrpcUrl }, principals);
      if (peerReady && sections.peers) {
        await runPeerSection(sections.peers, built, pdp, principals, config.list, contacts === largest).catch(
          (error: unknown) => {
            for (const user of benchUserNames) sections.peers?.fail([size(contacts), user], error);
          },
        );
      }
      if (contacts === largest) await runLargestOnly(config, sections, built, pdp, principals);
      // Last: the levers delete and recreate statistics and indexes on the file.
      await runLeverSection(sections.levers, built, pdp, principals, benchUserNames, config.list, contacts === largest);
    } catch (error) {
      progress(`size ${size(contacts)} failed: ${error instanceof Error ? error.stack : String(error)}`);
      sections.data.fail([size(contacts)], error);
    } finally {
      await built?.db.sequelize.close();
      await lock.release();
    }
  }
  for (const [user, cells] of growth) {
    if (cells.length === config.sizes.length) sections.growth.set([user], cells);
  }
}

/** Installs the Prisma peer once; on failure its rows carry the error and the run goes on. */
async function preparePeer(sections: Sections, config: BenchConfig): Promise<boolean> {
  try {
    await installPrismaPeer();
    return true;
  } catch (error) {
    progress(`peers: the Prisma peer is unavailable: ${error instanceof Error ? error.message : String(error)}`);
    for (const contacts of config.sizes) {
      for (const user of benchUserNames) sections.peers?.fail([size(contacts), user], error);
    }
    return false;
  }
}

async function runLoad(
  config: BenchConfig,
  sections: Sections,
  built: BenchDatabase,
  pdp: Pdp,
  { pdpUrl, pdpPid, pdpGrpcUrl }: { pdpUrl: string; pdpPid: number | undefined; pdpGrpcUrl: string | undefined },
  principals: Record<BenchUserName, Principal>,
): Promise<void> {
  progress(`starting the API on ${built.path}`);
  const api = await startApiProcess(built.url, pdpUrl);
  try {
    const sessions = await openSessions(api);
    const singleConnectionP50 = await runLoadSection(sections.load, api, sessions, config.load, pdpPid);
    progress("PDP calls alone, for the share of latency");
    await runPdpShare(sections.pdpShare, built.db, pdp, pdpPid, principals.sales, singleConnectionP50, config.pdp);
    progress("starting a second API with LIST_VERIFY=check");
    const checking = await startApiProcess(built.url, pdpUrl, { listVerify: "check" });
    try {
      const checkSessions = await openSessions(checking);
      await runVerifySection(
        sections.verify,
        { api, sessions },
        { api: checking, sessions: checkSessions },
        config.load,
      );
    } finally {
      await checking.stop();
    }
    await runTransport(sections.transport, { api, sessions }, built.url, pdpGrpcUrl, config, pdpPid);
    await runPlanCache(sections.planCache, { api, sessions }, built.url, pdpUrl, config, pdpPid);
    await runReadConnections(sections.readConnections, { api, sessions }, built.url, pdpUrl, config, pdpPid);
  } finally {
    await api.stop();
  }
  progress("API calls in-process: PDP / database / rest");
  try {
    await runBreakdown(sections.breakdown, built.url, pdp, config.pdp);
  } catch (error) {
    for (const procedure of procedures) sections.breakdown.fail([procedure, "sales"], error);
  }
}

async function runLargestOnly(
  config: BenchConfig,
  sections: Sections,
  built: BenchDatabase,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
): Promise<void> {
  progress("EXPLAIN QUERY PLAN of the authorized queries");
  sections.explain.note(await explainUserQueries(sections.explain, built.db, pdp, principals));
  const contacts = built.load.contacts;
  try {
    sections.proposedIndexes.note(
      await measureProposedIndexes(sections.proposedIndexes, contacts, built.db, pdp, principals, config.list),
    );
  } catch (error) {
    for (const user of benchUserNames) sections.proposedIndexes.fail([size(contacts), user], error);
  }
}

export const auditLogFile = (dir: string) => join(dir, "pdp-audit.log");
