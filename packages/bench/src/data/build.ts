import { join } from "node:path";
import { type Database, hashPassword, migrate, openDatabase } from "@repo/api/unstable-internals-do-not-import";
import { progress } from "../progress.ts";
import { benchPassword, generateDataset, shapeFor } from "./generate.ts";
import { type LoadStats, loadDataset } from "./load.ts";
import { openRawSqlite } from "./sqlite.ts";

export interface BenchDatabase {
  path: string;
  url: string;
  db: Database;
  load: LoadStats;
  /** Seconds of the full ANALYZE after the load (planner statistics; see the levers section). */
  analyzeSeconds: number;
}

let passwordHash: Promise<string> | undefined;

/**
 * A fresh SQLite file with apps/api's schema (its migrations, so the same indexes are measured)
 * and `contacts` generated contacts, analyzed.
 */
export async function buildDatabase(dir: string, contacts: number): Promise<BenchDatabase> {
  const path = join(dir, `contacts-${contacts}.db`);
  const url = `sqlite:${path}`;
  const schema = openDatabase(url);
  await migrate(schema.sequelize);
  await schema.sequelize.close();

  passwordHash ??= hashPassword(benchPassword);
  const dataset = generateDataset(shapeFor(contacts), await passwordHash);
  const raw = await openRawSqlite(path);
  try {
    progress(`seeding ${contacts.toLocaleString("en-US")} contacts into ${path}`);
    const load = await loadDataset(raw, dataset, (done) =>
      progress(`  ${done.toLocaleString("en-US")} contacts inserted`),
    );
    progress(`seeded ${load.rows.toLocaleString("en-US")} rows in ${load.seconds.toFixed(1)} s`);
    // A bulk load leaves the planner without statistics: analyze before anything is measured.
    const started = performance.now();
    await raw.exec("ANALYZE");
    const analyzeSeconds = (performance.now() - started) / 1000;
    return { path, url, db: openDatabase(url), load, analyzeSeconds };
  } finally {
    await raw.close();
  }
}
