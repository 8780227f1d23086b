import type { Principal } from "@cerbos/core";
import type { Database, Pdp } from "@repo/api/unstable-internals-do-not-import";
import { type BenchUserName, benchUserNames } from "../data/generate.ts";
import type { Section } from "../report.ts";
import { captureSql, explain } from "./explain.ts";
import { planContactRead, sequelizePage, translate } from "./operations.ts";

/** The plan lines that matter in the table: index searches, scans and temp sorts. */
export function summarizePlan(plan: string): string {
  const lines = plan
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^(SEARCH|SCAN|USE TEMP)/.test(line));
  return lines.join("; ").replaceAll("|", "/");
}

/** EXPLAIN QUERY PLAN of the page and count statements Sequelize sends for each user. */
export async function explainUserQueries(
  section: Section,
  db: Database,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
): Promise<string> {
  const details: string[] = [];
  for (const user of benchUserNames) {
    try {
      const filter = translate(db, await planContactRead(pdp, principals[user]));
      const statements = await captureSql(db, () => sequelizePage(db, filter));
      if (statements.length !== 2) throw new Error(`expected 2 statements, Sequelize sent ${statements.length}`);
      for (const [index, statement] of ["page", "count"].entries()) {
        const sql = statements[index]!.replace(/;\s*$/, "");
        const plan = await explain(db, sql);
        section.set([user, statement], [summarizePlan(plan)]);
        details.push(`**${user}, ${statement}**`, "", "```sql", sql, "```", "", "```", plan, "```", "");
      }
    } catch (error) {
      section.fail([user, "page"], error);
      section.fail([user, "count"], error);
    }
  }
  return details.join("\n");
}
