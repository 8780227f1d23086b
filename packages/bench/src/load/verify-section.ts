import { progress } from "../progress.ts";
import { figure, type Section } from "../report.ts";
import { ratioOf, summarize } from "../stats.ts";
import { p50, pairedWindows, rate, type Side } from "./paired.ts";
import type { LoadOptions } from "./section.ts";

export const verifyColumns = [
  "LIST_VERIFY=off p50 ms",
  "LIST_VERIFY=check p50 ms",
  "check / off",
  "off / check lists/s",
];

/** Section 4d's cells: up to 10 connections (with check, a page at 50 takes longer than a window). */
export const verifyConnections = (options: LoadOptions) => options.extraConnections.filter((n) => n <= 10);

/**
 * contacts.list on two API processes over the same database and PDP, one with the default
 * (plans in SQL only) and one with LIST_VERIFY=check (one batched CheckResources over every
 * page too), their windows alternating; the ratio is taken window by window.
 */
export async function runVerifySection(section: Section, off: Side, check: Side, options: LoadOptions): Promise<void> {
  for (const connections of verifyConnections(options)) {
    const label = [String(connections)];
    progress(`load: contacts.list, LIST_VERIFY off against check, at ${connections} connection(s)`);
    try {
      const { a, b } = await pairedWindows("contacts.list", connections, { a: off, b: check }, options, undefined);
      section.set(label, [
        figure(summarize(p50(a))),
        figure(summarize(p50(b))),
        `${figure(ratioOf(p50(b), p50(a)))}×`,
        `${figure(ratioOf(rate(a), rate(b)))}×`,
      ]);
    } catch (error) {
      section.fail(label, error);
    }
  }
}
