import type { Principal } from "@cerbos/core";
import { type Database, migration0003, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import type { BenchUserName } from "../data/generate.ts";
import { captureSql, explain } from "../list/explain.ts";
import { summarizePlan } from "../list/explain-section.ts";
import { type Filter, planContactRead, translate } from "../list/operations.ts";
import { type MeasureOptions, measureParts } from "../stats.ts";
import { keysByOrganization, keysToday, unionSql } from "./page-shape.ts";
import type { LeverResult } from "./section.ts";

const organizationsOf = (principal: Principal) => (principal.attr as { organizationIds: number[] }).organizationIds;

function sameIds(what: string, expected: number[], actual: number[]): void {
  if (expected.length !== actual.length || expected.some((id, index) => id !== actual[index])) {
    throw new Error(`${what}: page ${actual.slice(0, 5).join(",")}… differs from ${expected.slice(0, 5).join(",")}…`);
  }
}

async function planOf(db: Database, run: () => Promise<unknown>): Promise<string> {
  const [sql] = await captureSql(db, run);
  return summarizePlan(await explain(db, sql!.replace(/;\s*$/, "")));
}

/**
 * What migration 0003's index (organizationId, lower(lastName), id) buys for the page query of
 * apps/api's list (ids + sort keys, limit 51):
 * - "0003 index, one organization": the page filtered to one organization (the list's
 *   `organizationId` input), index dropped then recreated (one block each; no code change);
 * - "UNION ALL per organization": today's statement over all the user's organizations against the
 *   proposed one arm per organization (index present), paired run by run. Not for admin, whose
 *   plan has no organization filter (the sort index already serves the page).
 */
export async function measureSortIndex(
  db: Database,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  users: readonly BenchUserName[],
  options: MeasureOptions,
): Promise<{ results: LeverResult[]; plans: string[] }> {
  const qi = db.sequelize.getQueryInterface();
  const filters = new Map<BenchUserName, Filter>();
  for (const user of users) filters.set(user, translate(db, await planContactRead(pdp, principals[user])));
  const oneOrganization = (user: BenchUserName) => [{ organizationId: organizationsOf(principals[user])[0]! }];
  const singleBlock = async () => {
    const samples = new Map<BenchUserName, number[]>();
    const plans = new Map<BenchUserName, string>();
    for (const user of users) {
      const filter = filters.get(user)!;
      const timed = await measureParts(
        ["page"],
        async (lap) => {
          await keysToday(db, filter, oneOrganization(user));
          lap("page");
        },
        options,
      );
      samples.set(user, timed.page);
      plans.set(user, await planOf(db, () => keysToday(db, filter, oneOrganization(user))));
    }
    return { samples, plans };
  };
  await migration0003.down({ context: qi });
  let without: Awaited<ReturnType<typeof singleBlock>>;
  try {
    without = await singleBlock();
  } finally {
    await migration0003.up({ context: qi });
    await db.optimize();
  }
  const withIndex = await singleBlock();
  const results: LeverResult[] = users.map((user) => ({
    lever: "0003 index, one organization",
    user,
    before: without.samples.get(user)!,
    after: withIndex.samples.get(user)!,
    paired: false,
  }));
  const plans = users.flatMap((user) => [
    `- **${user}**, one organization, without the 0003 index: ${without.plans.get(user)}`,
    `- **${user}**, one organization, with it: ${withIndex.plans.get(user)}`,
  ]);
  for (const user of users) {
    if (principals[user].roles.includes("admin")) continue;
    const filter = filters.get(user)!;
    const organizations = organizationsOf(principals[user]);
    const expected = await keysToday(db, filter);
    let run = 0;
    const timed = await measureParts(
      ["today", "union"],
      async (lap) => {
        // Alternate which statement goes first; the pages are compared after the clock stops.
        const todayFirst = run++ % 2 === 0;
        let today: number[] = [];
        let union: number[] = [];
        for (const which of todayFirst ? (["today", "union"] as const) : (["union", "today"] as const)) {
          if (which === "today") today = await keysToday(db, filter);
          else union = await keysByOrganization(db, filter, organizations);
          lap(which);
        }
        sameIds("today's page statement", expected, today);
        sameIds("UNION ALL per organization", expected, union);
      },
      options,
    );
    results.push({ lever: "UNION ALL per organization", user, before: timed.today, after: timed.union, paired: true });
    plans.push(
      `- **${user}**, all their organizations, today's statement: ${await planOf(db, () => keysToday(db, filter))}`,
      `- **${user}**, all their organizations, UNION ALL per organization: ${summarizePlan(await explain(db, unionSql(db, filter, organizations)))}`,
    );
  }
  return { results, plans };
}
