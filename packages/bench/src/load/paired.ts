import type { ApiProcess } from "./api-child.ts";
import { loadWindow, type WindowResult } from "./client.ts";
import { cpuMs } from "./cpu.ts";
import { type LoadOptions, type LoadProcedure, type Session, targets } from "./section.ts";

/** One of two API processes measured side by side. */
export interface Side {
  api: ApiProcess;
  sessions: Session[];
}

/** A side's windows, and the CPU (API + PDP, /proc, 10 ms ticks) it used per request over them. */
export interface SideResult {
  windows: WindowResult[];
  cpuMsPerRequest: number;
}

/** A side's p50 per window. */
export const p50 = (side: SideResult) => side.windows.map((window) => window.p50);
/** A side's requests per second per window. */
export const rate = (side: SideResult) => side.windows.map((window) => window.requestsPerSecond);

/**
 * The same procedure at `connections` on two API processes (same database and PDP), after a
 * warm-up each, in `options.windows` rounds whose order alternates (a, b; b, a; …) so that drift
 * of the machine falls on both. Only one side runs at a time, so the shared PDP's CPU during a
 * window is that side's. Throws when any request failed.
 */
export async function pairedWindows(
  procedure: LoadProcedure,
  connections: number,
  sides: { a: Side; b: Side },
  options: LoadOptions,
  pdpPid: number | undefined,
): Promise<{ a: SideResult; b: SideResult }> {
  const pick = { a: targets(procedure, sides.a.sessions), b: targets(procedure, sides.b.sessions) };
  await loadWindow(sides.a.api.url, connections, options.warmupSeconds, pick.a);
  await loadWindow(sides.b.api.url, connections, options.warmupSeconds, pick.b);
  const result = { a: { windows: [] as WindowResult[], cpu: 0 }, b: { windows: [] as WindowResult[], cpu: 0 } };
  const cpuNow = (side: Side) => cpuMs(side.api.pid) + (pdpPid === undefined ? 0 : cpuMs(pdpPid));
  for (let i = 0; i < options.windows; i++) {
    for (const which of i % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const)) {
      const before = cpuNow(sides[which]);
      result[which].windows.push(
        await loadWindow(sides[which].api.url, connections, options.windowSeconds, pick[which]),
      );
      result[which].cpu += cpuNow(sides[which]) - before;
    }
  }
  const all = [...result.a.windows, ...result.b.windows];
  const errors = all.reduce((total, window) => total + window.errors, 0);
  if (errors > 0) throw new Error(`${errors} requests failed; first: ${all.find((w) => w.firstError)?.firstError}`);
  const perRequest = (side: { windows: WindowResult[]; cpu: number }) =>
    side.cpu / side.windows.reduce((total, window) => total + window.requests, 0);
  return {
    a: { windows: result.a.windows, cpuMsPerRequest: perRequest(result.a) },
    b: { windows: result.b.windows, cpuMsPerRequest: perRequest(result.b) },
  };
}
