import type { Principal } from "@cerbos/core";
import type { Database, Pdp } from "@repo/api/unstable-internals-do-not-import";
import { QueryTypes } from "sequelize";
import type { BenchUserName } from "../data/generate.ts";
import { captureSql, explain } from "../list/explain.ts";
import { summarizePlan } from "../list/explain-section.ts";
import { planContactRead, sequelizePage, translate } from "../list/operations.ts";
import { type MeasureOptions, measure } from "../stats.ts";
import type { LeverResult } from "./section.ts";

async function samplesOf(fn: () => Promise<unknown>, options: MeasureOptions): Promise<number[]> {
  const samples: number[] = [];
  await measure(async () => {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }, options);
  return samples.slice(options.warmup);
}

/** Forgets the planner statistics on this connection (the file keeps no sqlite_stat rows). */
async function dropStatistics(db: Database): Promise<void> {
  const tables = await db.sequelize.query<{ name: string }>(
    `SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite_stat%'`,
    { type: QueryTypes.SELECT },
  );
  for (const { name } of tables) await db.sequelize.query(`DELETE FROM "${name}"`);
  await db.sequelize.query("ANALYZE sqlite_schema");
}

/**
 * (c) Sequelize page + count without planner statistics, then after a full ANALYZE (what the
 * bench runs after its bulk load): one block each, on the same connection. Leaves the file
 * analyzed.
 */
export async function measureStatistics(
  db: Database,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  users: readonly BenchUserName[],
  options: MeasureOptions,
): Promise<{ results: LeverResult[]; plans: string[] }> {
  const filters = new Map<BenchUserName, ReturnType<typeof translate>>();
  for (const user of users) filters.set(user, translate(db, await planContactRead(pdp, principals[user])));
  const block = async () => {
    const samples = new Map<BenchUserName, number[]>();
    const plans = new Map<BenchUserName, string>();
    for (const user of users) {
      const filter = filters.get(user)!;
      samples.set(user, await samplesOf(() => sequelizePage(db, filter), options));
      const statements = await captureSql(db, () => sequelizePage(db, filter));
      const summaries = [];
      for (const sql of statements) summaries.push(summarizePlan(await explain(db, sql.replace(/;\s*$/, ""))));
      plans.set(user, summaries.join(" ‖ "));
    }
    return { samples, plans };
  };
  await dropStatistics(db);
  let before: Awaited<ReturnType<typeof block>>;
  try {
    before = await block();
  } finally {
    await db.sequelize.query("ANALYZE");
  }
  const after = await block();
  const plans = users.flatMap((user) => [
    `- **${user}**, without statistics: ${before.plans.get(user)}`,
    `- **${user}**, after ANALYZE: ${after.plans.get(user)}`,
  ]);
  return {
    results: users.map((user) => ({
      lever: "ANALYZE",
      user,
      before: before.samples.get(user)!,
      after: after.samples.get(user)!,
      paired: false,
    })),
    plans,
  };
}
