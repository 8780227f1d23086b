import type { Principal } from "@cerbos/core";
import { type Pdp, sqlitePragmas } from "@repo/api/unstable-internals-do-not-import";
import type { BenchDatabase } from "../data/build.ts";
import { type BenchUserName, benchUserNames } from "../data/generate.ts";
import { handWrittenWhere } from "../list/hand-sql.ts";
import {
  describeOutcome,
  handPage,
  type ListOutcome,
  pageSize,
  planContactRead,
  sameOutcome,
  sequelizePage,
  translate,
} from "../list/operations.ts";
import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, measureParts, ratioOf, summarize, sumOf } from "../stats.ts";
import { type PrismaPeer, startPrismaPeer } from "./prisma.ts";

export const peerColumns = [
  "A ours ms",
  "B Prisma ms",
  "C hand SQL ms",
  "A / B",
  "A raw ms",
  "A raw / B",
  "A / C",
  "B / C",
  "translation A / B ms",
  "visible rows",
];

/** A: model instances (what findAll returns by default); R: A with `raw: true` (plain rows, like B's). */
type Way = "A" | "R" | "B" | "C";
const ways: readonly Way[] = ["A", "R", "B", "C"];

function check(way: string, expected: ListOutcome, actual: ListOutcome): void {
  if (!sameOutcome(expected, actual)) {
    throw new Error(`${way} disagrees with hand SQL: ${describeOutcome(actual)} vs ${describeOutcome(expected)}`);
  }
}

/**
 * A, B and C for one user, in the same runs (the order rotates run by run); every run checks
 * that A and B return C's page and total. A and B include their translation of the run's plan.
 */
async function measureUser(
  built: BenchDatabase,
  pdp: Pdp,
  peer: PrismaPeer,
  principal: Principal,
  options: MeasureOptions,
): Promise<string[]> {
  const { db } = built;
  const hand = handWrittenWhere(principal);
  const expected = await handPage(db, hand, "plain");
  let run = 0;
  const translateB: number[] = [];
  const pageB: number[] = [];
  const samples = await measureParts(
    ["plan", "translateA", "A", "translateR", "R", "ipc", "C"],
    async (lap) => {
      const plan = await planContactRead(pdp, principal);
      lap("plan");
      const outcomes: Partial<Record<Way, ListOutcome>> = {};
      for (let turn = 0; turn < ways.length; turn++) {
        const way = ways[(turn + run) % ways.length]!;
        if (way === "A") {
          const filter = translate(db, plan);
          lap("translateA");
          outcomes.A = await sequelizePage(db, filter, "plain");
          lap(way);
        } else if (way === "R") {
          const filter = translate(db, plan);
          lap("translateR");
          outcomes.R = await sequelizePage(db, filter, "plain", true);
          lap(way);
        } else if (way === "B") {
          // The peer's own clock: the IPC hop to its process is not Prisma's cost.
          const result = await peer.run(plan, pageSize);
          lap("ipc");
          translateB.push(result.translateMs);
          pageB.push(result.pageMs);
          outcomes.B = { ids: result.ids, total: result.total };
        } else {
          outcomes.C = await handPage(db, hand, "plain");
          lap(way);
        }
      }
      run++;
      for (const way of ways) check(way, expected, outcomes[way]!);
    },
    options,
  );
  // The peer reports every run, warm-ups included: keep the timed ones.
  const timedB = translateB.slice(options.warmup);
  const a = sumOf(samples.translateA, samples.A);
  const b = sumOf(timedB, pageB.slice(options.warmup));
  const r = sumOf(samples.translateR, samples.R);
  return [
    figure(summarize(a)),
    figure(summarize(b)),
    figure(summarize(samples.C)),
    `${figure(ratioOf(a, b))}×`,
    figure(summarize(r)),
    `${figure(ratioOf(r, b))}×`,
    `${figure(ratioOf(a, samples.C))}×`,
    `${figure(ratioOf(b, samples.C))}×`,
    `${round(summarize(samples.translateA).median)} / ${round(summarize(timedB).median)}`,
    expected.total.toLocaleString("en-US"),
  ];
}

/** The side-by-side at one size; with `explain`, the plans of Prisma's statements go into a note. */
export async function runPeerSection(
  section: Section,
  built: BenchDatabase,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  options: MeasureOptions,
  explain: boolean,
): Promise<void> {
  const size = built.load.contacts.toLocaleString("en-US");
  const peer = await startPrismaPeer(built.path, { pragmas: sqlitePragmas, logQueries: false });
  try {
    for (const user of benchUserNames) {
      progress(`peers: A / B / C for ${user} at ${size} contacts`);
      try {
        section.set([size, user], await measureUser(built, pdp, peer, principals[user], options));
      } catch (error) {
        section.fail([size, user], error);
      }
    }
  } finally {
    await peer.stop();
  }
  if (!explain) return;
  const logging = await startPrismaPeer(built.path, { pragmas: sqlitePragmas, logQueries: true });
  try {
    const lines = [`EXPLAIN QUERY PLAN of Prisma's statements at ${size} contacts (page ‖ count):`, ""];
    for (const user of benchUserNames) {
      const plans = await logging.explain(await planContactRead(pdp, principals[user]), pageSize);
      lines.push(`- **${user}**: ${plans.join(" ‖ ")}`);
    }
    section.note(lines.join("\n"));
  } finally {
    await logging.stop();
  }
}
