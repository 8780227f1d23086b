import { progress } from "../progress.ts";
import { figure, type Section } from "../report.ts";
import { ratioOf, summarize } from "../stats.ts";
import type { ApiProcess } from "./api-child.ts";
import { loadWindow, type WindowResult } from "./client.ts";
import { type LoadOptions, type Session, targets } from "./section.ts";

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
export async function runVerifySection(
  section: Section,
  off: { api: ApiProcess; sessions: Session[] },
  check: { api: ApiProcess; sessions: Session[] },
  options: LoadOptions,
): Promise<void> {
  for (const connections of verifyConnections(options)) {
    const label = [String(connections)];
    progress(`load: contacts.list, LIST_VERIFY off against check, at ${connections} connection(s)`);
    try {
      const pickOff = targets("contacts.list", off.sessions);
      const pickCheck = targets("contacts.list", check.sessions);
      await loadWindow(off.api.url, connections, options.warmupSeconds, pickOff);
      await loadWindow(check.api.url, connections, options.warmupSeconds, pickCheck);
      const windows: Record<"off" | "check", WindowResult[]> = { off: [], check: [] };
      for (let i = 0; i < options.windows; i++) {
        const order = i % 2 === 0 ? (["off", "check"] as const) : (["check", "off"] as const);
        for (const which of order) {
          const side = which === "off" ? off : check;
          const pick = which === "off" ? pickOff : pickCheck;
          windows[which].push(await loadWindow(side.api.url, connections, options.windowSeconds, pick));
        }
      }
      const all = [...windows.off, ...windows.check];
      const errors = all.reduce((total, window) => total + window.errors, 0);
      if (errors > 0) throw new Error(`${errors} requests failed; first: ${all.find((w) => w.firstError)?.firstError}`);
      const p50 = (which: "off" | "check") => windows[which].map((window) => window.p50);
      const rate = (which: "off" | "check") => windows[which].map((window) => window.requestsPerSecond);
      section.set(label, [
        figure(summarize(p50("off"))),
        figure(summarize(p50("check"))),
        `${figure(ratioOf(p50("check"), p50("off")))}×`,
        `${figure(ratioOf(rate("off"), rate("check")))}×`,
      ]);
    } catch (error) {
      section.fail(label, error);
    }
  }
}
