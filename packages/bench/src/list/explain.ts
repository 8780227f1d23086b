import type { Database } from "@repo/api/unstable-internals-do-not-import";
import { QueryTypes } from "sequelize";

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** SQLite's EXPLAIN QUERY PLAN as an indented tree. */
export async function explain(db: Database, sql: string, replacements: Record<string, unknown> = {}): Promise<string> {
  const rows = await db.sequelize.query<PlanRow>(`EXPLAIN QUERY PLAN ${sql}`, {
    replacements,
    type: QueryTypes.SELECT,
  });
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((row) => {
      const level = (depth.get(row.parent) ?? -1) + 1;
      depth.set(row.id, level);
      return `${"  ".repeat(level)}${row.detail}`;
    })
    .join("\n");
}

/** Captures the SQL Sequelize sends while `run` executes. */
export async function captureSql(db: Database, run: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const options = (db.sequelize as unknown as { options: { logging: false | ((sql: string) => void) } }).options;
  const previous = options.logging;
  options.logging = (sql: string) => statements.push(sql.replace(/^Executing \([^)]*\): /, ""));
  try {
    await run();
  } finally {
    options.logging = previous;
  }
  return statements;
}

/** Like captureSql, with the time SQLite took for each statement (Sequelize's benchmark option). */
export async function captureTimedSql(
  db: Database,
  run: () => Promise<unknown>,
): Promise<{ sql: string; ms: number }[]> {
  const statements: { sql: string; ms: number }[] = [];
  const options = (
    db.sequelize as unknown as {
      options: { logging: false | ((sql: string, ms?: number) => void); benchmark: boolean };
    }
  ).options;
  const previous = { logging: options.logging, benchmark: options.benchmark };
  options.benchmark = true;
  options.logging = (sql: string, ms?: number) =>
    statements.push({ sql: sql.replace(/^Executed \([^)]*\): /, ""), ms: ms ?? Number.NaN });
  try {
    await run();
  } finally {
    Object.assign(options, previous);
  }
  return statements;
}
