import type { Principal } from "@cerbos/core";
import type { Database, Pdp } from "@repo/api/unstable-internals-do-not-import";
import { type BenchUserName, benchUserNames } from "../data/generate.ts";
import { progress } from "../progress.ts";
import { figure, type Section } from "../report.ts";
import { type MeasureOptions, measureParts, ratioOf, type Summary, summarize, sumOf } from "../stats.ts";
import { handWrittenWhere } from "./hand-sql.ts";
import {
  describeOutcome,
  handPage,
  type ListOutcome,
  planContactRead,
  sameOutcome,
  sequelizePage,
  translate,
} from "./operations.ts";

export const listColumns = [
  "(a) PlanResources ms",
  "(b) translation ms",
  "(c) Sequelize findAll+count ms",
  "(c) hand SQL ms",
  "(c) Sequelize / hand",
  "(d) whole list a+b+c ms",
  "visible rows",
];

export interface ListFigures {
  whole: number[];
  outcome: ListOutcome;
}

function check(what: string, expected: ListOutcome, actual: ListOutcome): void {
  if (!sameOutcome(expected, actual)) {
    throw new Error(`${what} disagrees with hand SQL: ${describeOutcome(actual)} vs ${describeOutcome(expected)}`);
  }
}

/**
 * The authorized list for one user, every part timed in the same runs; the Sequelize page must
 * return exactly the hand-written SQL's page and total, or the row is an error.
 */
export async function measureList(
  db: Database,
  pdp: Pdp,
  principal: Principal,
  options: MeasureOptions,
): Promise<{ cells: string[]; figures: ListFigures }> {
  const hand = handWrittenWhere(principal);
  const expected = await handPage(db, hand);
  let outcome: ListOutcome | undefined;
  const samples = await measureParts(
    ["plan", "translate", "db", "hand"],
    async (lap) => {
      const plan = await planContactRead(pdp, principal);
      lap("plan");
      const filter = translate(db, plan);
      lap("translate");
      outcome = await sequelizePage(db, filter);
      lap("db");
      check("hand SQL run", expected, await handPage(db, hand));
      lap("hand");
      check("Sequelize page", expected, outcome);
    },
    options,
  );
  const whole = sumOf(samples.plan, samples.translate, samples.db);
  const ratio: Summary = ratioOf(samples.db, samples.hand);
  return {
    cells: [
      figure(summarize(samples.plan)),
      figure(summarize(samples.translate)),
      figure(summarize(samples.db)),
      figure(summarize(samples.hand)),
      `${figure(ratio)}×`,
      figure(summarize(whole)),
      expected.total.toLocaleString("en-US"),
    ],
    figures: { whole, outcome: outcome ?? expected },
  };
}

/** One row per user at this size; returns each user's whole-list samples for the growth table. */
export async function runListSection(
  section: Section,
  size: number,
  db: Database,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  options: MeasureOptions,
): Promise<Partial<Record<BenchUserName, number[]>>> {
  const wholes: Partial<Record<BenchUserName, number[]>> = {};
  for (const user of benchUserNames) {
    const label = [size.toLocaleString("en-US"), user];
    progress(`list: ${user} at ${label[0]} contacts`);
    try {
      const { cells, figures } = await measureList(db, pdp, principals[user], options);
      section.set(label, cells);
      wholes[user] = figures.whole;
    } catch (error) {
      section.fail(label, error);
    }
  }
  return wholes;
}
