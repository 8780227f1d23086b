import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { ratioOf, summarize } from "../stats.ts";
import { p50, pairedWindows, rate, type Side } from "./paired.ts";
import type { LoadOptions, LoadProcedure } from "./section.ts";

export const transportColumns = [
  "HTTP p50 ms",
  "gRPC p50 ms",
  "gRPC / HTTP p50",
  "HTTP lists/s",
  "gRPC lists/s",
  "gRPC / HTTP lists/s",
  "API + PDP CPU ms per list, HTTP / gRPC",
];

/** Section 4e's rows: the counted first page and the cursor page, at every connection count of the cursor page. */
export const transportProcedures: LoadProcedure[] = ["contacts.list", "contacts.list cursor page"];
export const transportConnections = (options: LoadOptions) => options.extraConnections;

/**
 * The same lists on two API processes over the same database and PDP, one with CERBOS_URL
 * http://… and one with grpc://… (apps/api authz/pdp-client.ts), their windows alternating;
 * ratios window by window, CPU per list over all windows of a side.
 */
export async function runTransportSection(
  section: Section,
  http: Side,
  grpc: Side,
  options: LoadOptions,
  pdpPid: number | undefined,
): Promise<void> {
  for (const procedure of transportProcedures) {
    for (const connections of transportConnections(options)) {
      const label = [procedure, String(connections)];
      progress(`load: ${procedure}, PDP over HTTP against gRPC, at ${connections} connection(s)`);
      try {
        const { a, b } = await pairedWindows(procedure, connections, { a: http, b: grpc }, options, pdpPid);
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
