import type { Principal } from "@cerbos/core";
import { type Database, openDatabase, type Pdp, sqlitePragmas } from "@repo/api/unstable-internals-do-not-import";
import type { BenchUserName } from "../data/generate.ts";
import {
  describeOutcome,
  type ListOutcome,
  planContactRead,
  sameOutcome,
  sequelizePage,
  translate,
} from "../list/operations.ts";
import { type MeasureOptions, measureParts } from "../stats.ts";
import type { LeverResult } from "./section.ts";

/** SQLite's own defaults for the settings measured (journal_mode stays WAL: it lives in the file). */
const sqliteDefaults = {
  cache_size: "PRAGMA cache_size = -2000",
  mmap_size: "PRAGMA mmap_size = 0",
  temp_store: "PRAGMA temp_store = DEFAULT",
} as const;

type Setting = keyof typeof sqliteDefaults;
const settings = Object.keys(sqliteDefaults) as Setting[];

/** The candidate values: each is measured alone; apps/api keeps those that help (connect.ts). */
const candidates: Record<Setting, string> = {
  cache_size: "PRAGMA cache_size = -32768",
  mmap_size: "PRAGMA mmap_size = 1073741824",
  temp_store: "PRAGMA temp_store = MEMORY",
};

/** What apps/api runs on every connection, the measured settings it leaves alone at their defaults. */
function asShipped(): string[] {
  return settings.map(
    (setting) => sqlitePragmas.find((sql) => sql.startsWith(`PRAGMA ${setting} `)) ?? sqliteDefaults[setting],
  );
}

/** The variants: SQLite's defaults, each candidate alone, and what apps/api ships. */
export const pragmaVariants: { name: string; pragmas: string[] }[] = [
  { name: "defaults", pragmas: Object.values(sqliteDefaults) },
  ...settings.map((setting) => ({
    name: setting,
    pragmas: settings.map((other) => (other === setting ? candidates[setting] : sqliteDefaults[other])),
  })),
  { name: "as apps/api ships", pragmas: asShipped() },
];

/** How each variant is described in the report. */
export function describeVariant(name: string): string {
  const setting = settings.find((candidate) => candidate === name);
  if (setting) return candidates[setting].replace("PRAGMA ", "");
  return sqlitePragmas
    .filter((sql) => !sql.includes("journal_mode"))
    .map((sql) => sql.replace("PRAGMA ", ""))
    .join(", ");
}

export const pragmaLeverNames = pragmaVariants.slice(1).map((variant) => `pragma ${variant.name}`);

/**
 * (c) Sequelize page + count on one connection per variant (each its own Sequelize instance,
 * so each has its own page cache), the variants taking turns within every run: ratios are run
 * by run against the connection with SQLite's defaults.
 */
export async function measurePragmas(
  url: string,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  users: readonly BenchUserName[],
  options: MeasureOptions,
): Promise<LeverResult[]> {
  const dbs: Database[] = [];
  try {
    for (const variant of pragmaVariants) {
      const db = openDatabase(url);
      dbs.push(db);
      for (const pragma of variant.pragmas) await db.sequelize.query(pragma);
    }
    const results: LeverResult[] = [];
    for (const user of users) {
      const plan = await planContactRead(pdp, principals[user]);
      const filters = dbs.map((db) => translate(db, plan));
      const parts = pragmaVariants.map((variant) => variant.name);
      let run = 0;
      const samples = await measureParts(
        parts,
        async (lap) => {
          const outcomes: ListOutcome[] = [];
          // Rotate who goes first, so no variant always runs right after the previous run.
          for (let turn = 0; turn < dbs.length; turn++) {
            const index = (turn + run) % dbs.length;
            outcomes[index] = await sequelizePage(dbs[index]!, filters[index]!);
            lap(parts[index]!);
          }
          run++;
          for (const outcome of outcomes.slice(1)) {
            if (!sameOutcome(outcomes[0]!, outcome!)) {
              throw new Error(
                `pragma variants disagree: ${describeOutcome(outcome!)} vs ${describeOutcome(outcomes[0]!)}`,
              );
            }
          }
        },
        options,
      );
      for (const variant of pragmaVariants.slice(1)) {
        results.push({
          lever: `pragma ${variant.name}`,
          user,
          before: samples.defaults!,
          after: samples[variant.name]!,
          paired: true,
        });
      }
    }
    return results;
  } finally {
    for (const db of dbs) await db.sequelize.close();
  }
}
