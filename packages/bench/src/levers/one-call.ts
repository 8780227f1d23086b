import type { Principal } from "@cerbos/core";
import { contactMapper, type Database, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import { authorizedFindAndCountAll, type PagePartition } from "@repo/authz";
import { Op } from "sequelize";
import type { BenchUserName } from "../data/generate.ts";
import { captureSql, explain } from "../list/explain.ts";
import { summarizePlan } from "../list/explain-section.ts";
import { pageSize } from "../list/operations.ts";
import { type MeasureOptions, measureParts } from "../stats.ts";
import type { LeverResult } from "./section.ts";

export const oneCallLever = "one-call partition option";

const organizationsOf = (principal: Principal) => (principal.attr as { organizationIds: number[] }).organizationIds;

interface Listed {
  ids: number[];
  count: number;
  can: string;
}

/**
 * apps/api's contacts list through @repo/authz's one-call API, as the API calls it (PlanResources
 * for read, update and delete; keys-only page by lower(lastName), id; rows loaded by key; flags in
 * SQL over the page; exact count), without and with `partition` over the user's organizations.
 */
async function listContacts(db: Database, pdp: Pdp, principal: Principal, partition?: PagePartition): Promise<Listed> {
  const { Contact } = db.models;
  const page = await authorizedFindAndCountAll(
    Contact,
    { cerbos: pdp, principal, kind: "contact", action: "read", flags: ["update", "delete"], mapper: contactMapper },
    {
      order: [
        [db.sequelize.literal(`lower("Contact"."lastName")`), "ASC"],
        ["id", "ASC"],
      ],
      limit: pageSize,
      load: (keys) => Contact.findAll({ where: { id: { [Op.in]: keys as number[] } } }),
      ...(partition === undefined ? {} : { partition }),
    },
  );
  return { ids: page.rows.map((row) => row.id), count: page.count, can: JSON.stringify(page.can) };
}

function same(expected: Listed, actual: Listed): void {
  if (expected.count !== actual.count || expected.can !== actual.can || expected.ids.join() !== actual.ids.join()) {
    throw new Error(`partition: page or count differs (${actual.count} vs ${expected.count})`);
  }
}

/** Without and with `partition`, paired run by run (the order alternates); the same page, flags and count checked. */
export async function measureOneCallPartition(
  db: Database,
  pdp: Pdp,
  principals: Record<BenchUserName, Principal>,
  users: readonly BenchUserName[],
  options: MeasureOptions,
): Promise<{ results: LeverResult[]; plans: string[] }> {
  const results: LeverResult[] = [];
  const plans: string[] = [];
  for (const user of users) {
    const principal = principals[user];
    if (principal.roles.includes("admin")) continue;
    const partition: PagePartition = { attribute: "organizationId", values: organizationsOf(principal) };
    const expected = await listContacts(db, pdp, principal);
    let run = 0;
    const timed = await measureParts(
      ["single", "partition"],
      async (lap) => {
        const singleFirst = run++ % 2 === 0;
        const outcomes: Partial<Record<"single" | "partition", Listed>> = {};
        for (const which of singleFirst ? (["single", "partition"] as const) : (["partition", "single"] as const)) {
          outcomes[which] = await listContacts(db, pdp, principal, which === "partition" ? partition : undefined);
          lap(which);
        }
        same(expected, outcomes.single!);
        same(expected, outcomes.partition!);
      },
      options,
    );
    results.push({ lever: oneCallLever, user, before: timed.single, after: timed.partition, paired: true });
    const statements = await captureSql(db, () => listContacts(db, pdp, principal, partition));
    const union = statements.find((sql) => sql.includes("UNION ALL"));
    if (union === undefined) throw new Error("partition: no UNION ALL statement was sent");
    plans.push(
      `- **${user}**, the one-call API's page statement with \`partition\`: ${summarizePlan(await explain(db, union.replace(/;\s*$/, "")))}`,
    );
  }
  return { results, plans };
}
