/**
 * Run sizes: CI budgets by default, long ones under `pnpm soak` (SOAK=1). Every scenario reads
 * its figures from here so one switch changes the whole suite.
 */
export const soak = process.env.SOAK === "1" || process.env.SOAK === "true";

export const budget = {
  /** Fast-check inputs across every procedure. */
  fuzzRuns: soak ? 20_000 : 2_000,
  /** Concurrent clients in the load scenario, and how long they run. */
  loadClients: soak ? 50 : 20,
  loadDurationMs: soak ? 60_000 : 15_000,
  /** Length of each write burst between quiet phases in the load scenario. */
  loadBurstMs: soak ? 6_000 : 3_000,
  /** Writes streamed at the API before each kill -9, and how many crashes. */
  crashRounds: soak ? 5 : 2,
  /** Phases of the PDP outage scenario (stop, refuse, restart). */
  outageCycles: soak ? 5 : 1,
  /** Rounds of each write race (an attacker's requests in flight across a demotion or removal). */
  raceRounds: soak ? 200 : 30,
  /** Requests sent while the PDP stalls. */
  stallRequests: soak ? 200 : 40,
  /** Clients of the scale-out load (replicas behind haproxy), and the length of each of its four bursts. */
  scaleOutClients: soak ? 40 : 12,
  scaleOutBurstMs: soak ? 15_000 : 3_000,
  /** Vitest timeout of a scenario. */
  testTimeoutMs: soak ? 900_000 : 120_000,
} as const;
