import { type BenchUserName, benchPassword, benchUserNames, benchUsers } from "../data/generate.ts";
import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { summarize } from "../stats.ts";
import type { ApiProcess } from "./api-child.ts";
import { loadWindow, type Target, trpcMutation, trpcQuery, trpcQueryPath } from "./client.ts";
import { cpuMs } from "./cpu.ts";

export const loadColumns = [
  "requests/s",
  "p50 ms",
  "p99 ms",
  "errors / requests",
  "peak API RSS MiB",
  "CPU ms per request: API / PDP",
];
export const procedures = ["contacts.list", "contacts.get"] as const;
export type Procedure = (typeof procedures)[number];
/**
 * What section 4 puts under load: the procedures, and contacts.list's second page (by its cursor)
 * the infinite-scroll way (`withTotal: false`: the total is known from the first page) and, side
 * by side, with the exact total counted again.
 */
export const loadProcedures = [
  "contacts.list",
  "contacts.list cursor page",
  "contacts.list cursor page with total",
  "contacts.get",
] as const;
export type LoadProcedure = (typeof loadProcedures)[number];
/** The cursor pages run at `extraConnections` only. */
export const isCursorPage = (procedure: LoadProcedure): procedure is Exclude<LoadProcedure, Procedure> =>
  procedure.startsWith("contacts.list cursor page");

export interface LoadOptions {
  connections: readonly number[];
  /** Where the cursor page and section 4d (LIST_VERIFY side by side) run (quick mode: fewer). */
  extraConnections: readonly number[];
  warmupSeconds: number;
  windows: number;
  windowSeconds: number;
}

export interface Session {
  user: BenchUserName;
  token: string;
  /** Contacts the user may read (from their first page), for contacts.get. */
  readableIds: number[];
  /** The first page's next cursor: the cursor page's input. */
  nextCursor: string;
}

const listInput = { limit: 50, sortBy: "lastName", sortDir: "asc" } as const;

/** Signs every bench user in through the API and reads one page each. */
export async function openSessions(api: ApiProcess): Promise<Session[]> {
  return Promise.all(
    benchUserNames.map(async (user) => {
      const { token } = await trpcMutation<{ token: string }>(api.url, "auth.login", {
        username: benchUsers[user].id,
        password: benchPassword,
      });
      const page = await trpcQuery<{ items: { id: number }[]; nextCursor: string | null }>(
        api.url,
        "contacts.list",
        listInput,
        token,
      );
      if (page.items.length === 0 || page.nextCursor === null) throw new Error(`${user} sees less than two pages`);
      return { user, token, readableIds: page.items.map((item) => item.id), nextCursor: page.nextCursor };
    }),
  );
}

export function targets(procedure: LoadProcedure, sessions: Session[]): (connection: number, n: number) => Target {
  const listPath = trpcQueryPath("contacts.list", listInput);
  const withTotal = procedure !== "contacts.list cursor page";
  const cursorPaths = sessions.map((session) =>
    trpcQueryPath("contacts.list", { ...listInput, cursor: session.nextCursor, withTotal }),
  );
  return (connection, n) => {
    const session = sessions[connection % sessions.length]!;
    if (procedure === "contacts.list") return { path: listPath, token: session.token };
    if (isCursorPage(procedure)) return { path: cursorPaths[connection % sessions.length]!, token: session.token };
    const id = session.readableIds[n % session.readableIds.length]!;
    return { path: trpcQueryPath("contacts.get", { id }), token: session.token };
  };
}

/**
 * Each cell: a warm-up window, then `windows` timed windows; each figure is the median over the
 * windows [min–max]. Connections take the bench users in turn (sales, marketing, admin, ...).
 * Returns the p50 at one connection per procedure (for the PDP share).
 */
export async function runLoadSection(
  section: Section,
  api: ApiProcess,
  sessions: Session[],
  options: LoadOptions,
  pdpPid: number | undefined,
  only: readonly LoadProcedure[] = loadProcedures,
): Promise<Partial<Record<Procedure, number>>> {
  const singleConnectionP50: Partial<Record<Procedure, number>> = {};
  for (const procedure of only) {
    const cells = isCursorPage(procedure) ? options.extraConnections : options.connections;
    for (const connections of cells) {
      const label = [procedure, String(connections)];
      progress(`load: ${procedure} at ${connections} connection(s)`);
      try {
        const pick = targets(procedure, sessions);
        await loadWindow(api.url, connections, options.warmupSeconds, pick);
        const windows = [];
        const cpuBefore = { api: cpuMs(api.pid), pdp: pdpPid === undefined ? 0 : cpuMs(pdpPid) };
        let peakRss = api.rssMiB();
        for (let i = 0; i < options.windows; i++) {
          const sampler = setInterval(() => {
            peakRss = Math.max(peakRss, api.rssMiB());
          }, 100);
          windows.push(
            await loadWindow(api.url, connections, options.windowSeconds, pick).finally(() => clearInterval(sampler)),
          );
        }
        const requests = windows.reduce((total, window) => total + window.requests, 0);
        const apiCpu = (cpuMs(api.pid) - cpuBefore.api) / requests;
        const pdpCpu = pdpPid === undefined ? Number.NaN : (cpuMs(pdpPid) - cpuBefore.pdp) / requests;
        const errors = windows.reduce((total, window) => total + window.errors, 0);
        const firstError = windows.find((window) => window.firstError)?.firstError;
        if (errors > 0) throw new Error(`${errors} of ${requests} requests failed; first: ${firstError}`);
        const p50 = summarize(windows.map((window) => window.p50));
        if (connections === 1 && !isCursorPage(procedure)) singleConnectionP50[procedure] = p50.median;
        section.set(label, [
          figure(summarize(windows.map((window) => window.requestsPerSecond))),
          figure(p50),
          figure(summarize(windows.map((window) => window.p99))),
          `${errors} / ${requests.toLocaleString("en-US")}`,
          round(peakRss),
          `${round(apiCpu)} / ${round(pdpCpu)}`,
        ]);
      } catch (error) {
        section.fail(label, error);
      }
    }
  }
  return singleConnectionP50;
}
