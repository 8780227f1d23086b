import { defaultSqliteReadConnections } from "@repo/api/unstable-internals-do-not-import";
import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { ratioOf, summarize } from "../stats.ts";
import { p50, pairedWindows, rate, type Side } from "./paired.ts";
import type { LoadOptions, LoadProcedure } from "./section.ts";

// Sections 4e, 4f and 4g: the same lists on two API processes over the same database and PDP that
// differ in one setting, their windows alternating; ratios window by window, CPU per list over
// all windows of a side.

/** The two settings compared: `a` is the default, `b` the alternative. */
export interface SettingNames {
  a: string;
  b: string;
  /** What the progress line says is compared, e.g. "PDP over HTTP against gRPC". */
  what: string;
}

export const transportNames: SettingNames = { a: "HTTP", b: "gRPC", what: "PDP over HTTP against gRPC" };
export const planCacheNames: SettingNames = {
  a: "PLAN_CACHE_MS=0",
  b: "PLAN_CACHE_MS=1000",
  what: "plans asked every list against reused for 1 s",
};
/** PLAN_CACHE_MS of section 4f's second API. */
export const planCacheMs = 1000;
/** SQLITE_READ_CONNECTIONS of section 4g's sides: `a` the second API's (one), `b` the first's (the API's default). */
export const readConnections = { a: 1, b: defaultSqliteReadConnections } as const;
export const readConnectionNames: SettingNames = {
  a: `SQLITE_READ_CONNECTIONS=${readConnections.a}`,
  b: `SQLITE_READ_CONNECTIONS=${readConnections.b}`,
  what: `reads on ${readConnections.a} SQLite connection against ${readConnections.b}`,
};

export const settingColumns = ({ a, b }: SettingNames) => [
  `${a} p50 ms`,
  `${b} p50 ms`,
  `${b} / ${a} p50`,
  `${a} lists/s`,
  `${b} lists/s`,
  `${b} / ${a} lists/s`,
  `API + PDP CPU ms per list, ${a} / ${b}`,
];

/**
 * The rows of 4e, 4f and 4g: the counted first page and the cursor page, at every connection count
 * of the cursor page (the smoke test: the counted page only, to keep CI short).
 */
export const settingProcedures = (mode: "quick" | "full"): LoadProcedure[] =>
  mode === "quick" ? ["contacts.list"] : ["contacts.list", "contacts.list cursor page"];
export const settingConnections = (options: LoadOptions) => options.extraConnections;

export async function runSettingSection(
  section: Section,
  names: SettingNames,
  sides: { a: Side; b: Side },
  { mode, load: options }: { mode: "quick" | "full"; load: LoadOptions },
  pdpPid: number | undefined,
): Promise<void> {
  for (const procedure of settingProcedures(mode)) {
    for (const connections of settingConnections(options)) {
      const label = [procedure, String(connections)];
      progress(`load: ${procedure}, ${names.what}, at ${connections} connection(s)`);
      try {
        const { a, b } = await pairedWindows(procedure, connections, sides, options, pdpPid);
        section.set(label, [
          figure(summarize(p50(a))),
          figure(summarize(p50(b))),
          `${figure(ratioOf(p50(b), p50(a)))}×`,
          figure(summarize(rate(a))),
          figure(summarize(rate(b))),
          `${figure(ratioOf(rate(b), rate(a)))}×`,
          `${round(a.cpuMsPerRequest)} / ${round(b.cpuMsPerRequest)}`,
        ]);
      } catch (error) {
        section.fail(label, error);
      }
    }
  }
}
