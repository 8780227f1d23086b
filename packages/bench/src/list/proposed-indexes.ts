import type { Principal } from "@cerbos/core";
import type { Database, Pdp } from "@repo/api/unstable-internals-do-not-import";
import { type BenchUserName, benchUserNames } from "../data/generate.ts";
import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, measure } from "../stats.ts";
import { captureSql, explain } from "./explain.ts";
import { planContactRead, sequelizePage, translate } from "./operations.ts";

/**
 * The indexes apps/api's migration 0002 added after this bench found the sort and the exact
 * count scanning at 1M contacts. The bench drops them on its temp file, measures, recreates them
 * and measures again, so the table shows what they buy.
 */
export const proposedIndexes = [
  {
    name: "contacts_lower_lastName_id",
    sql: `CREATE INDEX "contacts_lower_lastName_id" ON "contacts" (lower("lastName"), "id")`,
    why: "the list sorts by lower(lastName), id: with this index a page walks the index instead of sorting every visible row",
  },
  {
    name: "contacts_lower_firstName_id",
    sql: `CREATE INDEX "contacts_lower_firstName_id" ON "contacts" (lower("firstName"), "id")`,
    why: "the same for the sort by first name",
  },
  {
    name: "contacts_org_visibility",
    sql: `CREATE INDEX "contacts_org_visibility" ON "contacts" ("organizationId", "isActive", "marketingOptIn", "ownerId")`,
    why: "covers the tenant filter and the policy's columns, so the exact count reads the index only",
  },
] as const;

export async function measureProposedIndexes(
  section: Section,
  contacts: number,
  db: Database,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  options: MeasureOptions,
): Promise<string> {
  const size = contacts.toLocaleString("en-US");
  const filters = new Map<BenchUserName, ReturnType<typeof translate>>();
  for (const user of benchUserNames) filters.set(user, translate(db, await planContactRead(pdp, principals[user])));
  const timeAll = async () => {
    const figures = new Map<BenchUserName, Awaited<ReturnType<typeof measure>>>();
    for (const user of benchUserNames) {
      const filter = filters.get(user)!;
      figures.set(user, await measure(() => sequelizePage(db, filter), options));
    }
    return figures;
  };
  progress(`migration 0002 indexes: dropping them on the temp file at ${size} contacts`);
  for (const index of proposedIndexes) await db.sequelize.query(`DROP INDEX IF EXISTS "${index.name}"`);
  let before: Awaited<ReturnType<typeof timeAll>>;
  try {
    before = await timeAll();
  } finally {
    progress("migration 0002 indexes: recreating them");
    for (const index of proposedIndexes)
      await db.sequelize.query(`${index.sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS")}`);
  }
  const plans: string[] = [];
  {
    const after = await timeAll();
    for (const user of benchUserNames) {
      const was = before.get(user)!;
      const now = after.get(user)!;
      section.set([size, user], [figure(was), figure(now), `${round(was.median / now.median)}×`]);
      const statements = await captureSql(db, () => sequelizePage(db, filters.get(user)!));
      for (const statement of statements) {
        plans.push(
          `**${user}** \`${statement.slice(0, 60)}…\``,
          "",
          "```",
          await explain(db, statement.replace(/;\s*$/, "")),
          "```",
          "",
        );
      }
    }
  }
  const list = proposedIndexes.map((index) => `- \`${index.sql}\`: ${index.why}.`);
  return [...list, "", "Query plans with these indexes (as the migration creates them):", "", ...plans].join("\n");
}
