import type { Principal } from "@cerbos/core";
import type { Pdp } from "@repo/api/unstable-internals-do-not-import";
import type { BenchDatabase } from "../data/build.ts";
import type { BenchUserName } from "../data/generate.ts";
import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, ratioOf, summarize } from "../stats.ts";
import { measureOneCallPartition, oneCallLever } from "./one-call.ts";
import { describeVariant, measurePragmas, pragmaLeverNames } from "./pragmas.ts";
import { measureSortIndex } from "./sort-index.ts";
import { measureStatistics } from "./statistics.ts";

/** One lever measured for one user: milliseconds without it and with it. */
export interface LeverResult {
  lever: string;
  user: BenchUserName;
  before: number[];
  after: number[];
  /** Before and after taken in the same runs (ratio run by run) or in two blocks (ratio of medians). */
  paired: boolean;
}

export const leverColumns = ["what is timed", "without, ms", "with, ms", "speed-up (without / with)"];

const timed: Record<string, string> = {
  ANALYZE: "(c) page + count",
  "0003 index, one organization": "page statement, one organization",
  "UNION ALL per organization": "page statement, all the user's organizations",
  [oneCallLever]: "(d) the list through the one-call API (plans, page, flags, count)",
};

export function leverNames(): string[] {
  return [...pragmaLeverNames, "ANALYZE", "0003 index, one organization", "UNION ALL per organization", oneCallLever];
}

/** The rows a size must fill: every lever for every user (no UNION or partition row for admin). */
export function expectedLevers(users: readonly BenchUserName[]): [string, BenchUserName][] {
  return leverNames().flatMap((lever) =>
    users
      .filter((user) => (lever !== "UNION ALL per organization" && lever !== oneCallLever) || user !== "admin")
      .map((user) => [lever, user] as [string, BenchUserName]),
  );
}

function cells(result: LeverResult): string[] {
  const speedUp = result.paired
    ? `${figure(ratioOf(result.before, result.after))}×`
    : `${round(summarize(result.before).median / summarize(result.after).median)}× (medians)`;
  const pragma = result.lever.startsWith("pragma ") ? describeVariant(result.lever.slice("pragma ".length)) : "";
  return [
    timed[result.lever] ?? `(c) page + count; ${pragma}`,
    figure(summarize(result.before)),
    figure(summarize(result.after)),
    speedUp,
  ];
}

/** Every lever at one size; a failing lever marks its own rows as errors. */
export async function runLeverSection(
  section: Section,
  built: BenchDatabase,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  users: readonly BenchUserName[],
  options: MeasureOptions,
  withPlans: boolean,
): Promise<void> {
  const size = built.load.contacts.toLocaleString("en-US");
  const record = (results: LeverResult[]) => {
    for (const result of results) section.set([size, result.lever, result.user], cells(result));
  };
  const failAll = (levers: readonly string[], error: unknown) => {
    for (const [lever, user] of expectedLevers(users))
      if (levers.includes(lever)) section.fail([size, lever, user], error);
  };
  const plans: string[] = [];
  progress(`levers at ${size} contacts: connection pragmas`);
  await measurePragmas(built.url, pdp, principals, users, options).then(record, (error) =>
    failAll(pragmaLeverNames, error),
  );
  progress(`levers at ${size} contacts: planner statistics`);
  await measureStatistics(built.db, pdp, principals, users, options).then(
    (done) => {
      record(done.results);
      plans.push(...done.plans);
    },
    (error) => failAll(["ANALYZE"], error),
  );
  progress(`levers at ${size} contacts: migration 0003's index and the page statement's shape`);
  await measureSortIndex(built.db, pdp, principals, users, options).then(
    (done) => {
      record(done.results);
      plans.push(...done.plans);
    },
    (error) => failAll(["0003 index, one organization", "UNION ALL per organization"], error),
  );
  progress(`levers at ${size} contacts: the one-call API's partition option`);
  await measureOneCallPartition(built.db, pdp, principals, users, options).then(
    (done) => {
      record(done.results);
      plans.push(...done.plans);
    },
    (error) => failAll([oneCallLever], error),
  );
  if (withPlans && plans.length > 0) {
    section.note(
      [`EXPLAIN QUERY PLAN at ${size} contacts (‖ separates the page and count statements):`, "", ...plans].join("\n"),
    );
  }
}
