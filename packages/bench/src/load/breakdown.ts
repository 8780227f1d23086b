import {
  appRouter,
  createCallerFactory,
  createContextFactory,
  createLogger,
  createTokenService,
  type Database,
  loginLimiter,
  openDatabase,
  type Pdp,
} from "@repo/api/unstable-internals-do-not-import";
import { benchUsers } from "../data/generate.ts";
import { captureTimedSql, explain } from "../list/explain.ts";
import { summarizePlan } from "../list/explain-section.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, measureParts, summarize } from "../stats.ts";
import type { Procedure } from "./section.ts";

type ContextArgs = Parameters<ReturnType<typeof createContextFactory>>[0];

/** Wall time during which at least one call is in flight (overlapping calls counted once). */
class BusyClock {
  private active = 0;
  private since = 0;
  total = 0;

  async time<T>(call: () => Promise<T>): Promise<T> {
    if (this.active++ === 0) this.since = performance.now();
    try {
      return await call();
    } finally {
      if (--this.active === 0) this.total += performance.now() - this.since;
    }
  }
}

function timedPdp(pdp: Pdp, clock: BusyClock): Pdp {
  return {
    planResources: (request) => clock.time(() => pdp.planResources(request)),
    checkResources: (request) => clock.time(() => pdp.checkResources(request)),
    isHealthy: () => pdp.isHealthy(),
    close: () => pdp.close(),
  };
}

function timedDatabase(db: Database, clock: BusyClock): void {
  const query = db.sequelize.query.bind(db.sequelize) as (...args: unknown[]) => Promise<unknown>;
  (db.sequelize as unknown as { query: (...args: unknown[]) => Promise<unknown> }).query = (...args) =>
    clock.time(() => query(...args));
}

/**
 * One API call through the real tRPC router (context from a bearer token, procedure, Cerbos,
 * Sequelize), in this process without HTTP, split into: PDP (PlanResources/CheckResources),
 * database (every Sequelize query, authentication included) and the rest (tRPC, zod, JWT,
 * building model instances, serializing).
 */
export async function runBreakdown(
  section: Section,
  databaseUrl: string,
  pdp: Pdp,
  options: MeasureOptions,
): Promise<void> {
  // A connection of its own: its query method is wrapped for timing.
  const db = openDatabase(databaseUrl);
  try {
    await breakdownOn(section, db, pdp, options);
  } finally {
    await db.sequelize.close();
  }
}

async function breakdownOn(section: Section, db: Database, pdp: Pdp, options: MeasureOptions): Promise<void> {
  const pdpClock = new BusyClock();
  const dbClock = new BusyClock();
  timedDatabase(db, dbClock);
  const tokens = createTokenService("bench-breakdown-secret-0123456789abcdef");
  const deps = {
    db,
    pdp: timedPdp(pdp, pdpClock),
    tokens,
    loginLimiter: loginLimiter(db),
    log: createLogger("silent"),
  };
  const createContext = createContextFactory(deps);
  const user = await db.models.User.findByPk(benchUsers.sales.id);
  if (!user) throw new Error("no sales user");
  const { token } = await tokens.issue({ userId: user.id, tokenVersion: user.tokenVersion });
  // The context factory reads the request's headers and sets the request id on the response.
  const args = {
    req: { headers: { authorization: `Bearer ${token}` } },
    res: { setHeader: () => undefined },
  } as unknown as ContextArgs;
  const caller = async () => createCallerFactory(appRouter)(await createContext(args));
  const first = await (await caller()).contacts.list({ limit: 50, sortBy: "lastName", sortDir: "asc" });
  const readableId = first.items[0]?.id;
  if (readableId === undefined) throw new Error("the sales user sees no contact");

  const calls: Record<Procedure, () => Promise<unknown>> = {
    "contacts.list": async () => (await caller()).contacts.list({ limit: 50, sortBy: "lastName", sortDir: "asc" }),
    "contacts.get": async () => (await caller()).contacts.get({ id: readableId }),
  };
  for (const [procedure, call] of Object.entries(calls) as [Procedure, () => Promise<unknown>][]) {
    const pdpSamples: number[] = [];
    const dbSamples: number[] = [];
    const samples = await measureParts(
      ["total"],
      async (lap) => {
        pdpClock.total = 0;
        dbClock.total = 0;
        await call();
        lap("total");
        pdpSamples.push(pdpClock.total);
        dbSamples.push(dbClock.total);
      },
      options,
    );
    // measureParts keeps only the timed runs; drop the warm-up calls here too.
    const pdpTimes = pdpSamples.slice(options.warmup);
    const dbTimes = dbSamples.slice(options.warmup);
    const rest = samples.total.map((total, i) => total - pdpTimes[i]! - dbTimes[i]!);
    const totalMedian = summarize(samples.total).median;
    const withShare = (part: number[]) =>
      `${figure(summarize(part))} (${Math.round((100 * summarize(part).median) / totalMedian)}%)`;
    section.set(
      [procedure, "sales"],
      [figure(summarize(samples.total)), withShare(pdpTimes), withShare(dbTimes), withShare(rest)],
    );
    section.note(await statementsOf(procedure, db, call));
  }
}

/** Every statement one call sends, with SQLite's time for it and what EXPLAIN QUERY PLAN says. */
async function statementsOf(procedure: Procedure, db: Database, call: () => Promise<unknown>): Promise<string> {
  const statements = await captureTimedSql(db, call);
  const rows = [
    `**${procedure}**: the statements of one call (ms: Sequelize's benchmark timer, 1 ms resolution)`,
    "",
    "| ms | statement | plan |",
    "|---|---|---|",
  ];
  for (const { sql, ms } of statements) {
    const plan = summarizePlan(await explain(db, sql.replace(/;\s*$/, "")));
    const text = sql.length > 140 ? `${sql.slice(0, 140)}…` : sql;
    rows.push(`| ${round(ms)} | \`${text.replaceAll("|", "/").replaceAll("`", "")}\` | ${plan} |`);
  }
  return rows.join("\n");
}
