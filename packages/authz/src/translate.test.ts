import { Op } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContactModels, contactMapper, seededContacts } from "../test/fixtures/contacts.ts";
import { recordedPlan, recordedWirePlan } from "../test/fixtures/plans.ts";
import { PlanKind, queryPlanToSequelize, queryPlanToSql, resourceInclude } from "./index.ts";

let db: ContactModels;
beforeAll(async () => {
  db = await seededContacts();
});
afterAll(async () => {
  await db.sequelize.close();
});

async function allowedIds(queryPlan: unknown): Promise<number[] | PlanKind> {
  const result = queryPlanToSequelize({ queryPlan, model: db.Contact, mapper: contactMapper });
  if (result.kind !== PlanKind.CONDITIONAL) return result.kind;
  const rows = await db.Contact.findAll({ where: result.where, order: [["id", "ASC"]] });
  return rows.map((row) => row.get("id") as number);
}

describe("queryPlanToSequelize on the shipped contact policy (recorded plans)", () => {
  it.each([
    ["contact.read.john", [1, 2, 3, 5]],
    ["contact.read.geri", [1, 5]],
    ["contact.read.sarah", [1, 3, 4, 5]],
    ["contact.read.ivan", []],
    ["contact.read.bruno", [4]],
    ["contact.update.john", [1, 2]],
    ["contact.delete.sarah", [3, 4]],
    ["contact.create.sarah", [1, 2, 3, 4, 5]],
  ])("%s returns exactly the allowed rows", async (name, expected) => {
    expect(await allowedIds(recordedPlan(name))).toEqual(expected);
  });

  it.each([
    ["contact.read.alice", PlanKind.ALWAYS_ALLOWED],
    ["contact.create.geri", PlanKind.ALWAYS_DENIED],
  ])("%s is unconditional", async (name, kind) => {
    expect(await allowedIds(recordedPlan(name))).toBe(kind);
  });

  it("reads the raw HTTP (wire) form of a plan the same way", async () => {
    expect(await allowedIds(recordedWirePlan("wire.contact.read.john"))).toEqual([1, 2, 3, 5]);
  });

  it("compiles relations to correlated EXISTS subqueries over bound, escaped values", () => {
    const sql = queryPlanToSql({
      queryPlan: recordedPlan("contact.read.geri"),
      model: db.Contact,
      mapper: contactMapper,
    });
    expect(sql).toMatchInlineSnapshot(
      `"((\`Contact\`.\`organization_id\` = 1) AND (((\`Contact\`.\`isActive\` = 1) AND (\`Contact\`.\`marketingOptIn\` = 1)) OR ((\`Contact\`.\`organization_id\` = 1) AND (EXISTS (SELECT 1 FROM \`contact_tags\` AS \`authz_j2\` INNER JOIN \`tags\` AS \`authz_t1\` ON \`authz_t1\`.\`id\` = \`authz_j2\`.\`tag_id\` WHERE ((\`authz_j2\`.\`contact_id\` = \`Contact\`.\`id\`) AND ('public' COLLATE BINARY = \`authz_t1\`.\`name\`))))) OR (\`Contact\`.\`owner_id\` COLLATE BINARY = 'geri')))"`,
    );
  });

  it("composes with an application where, order, limit, offset and an exact count", async () => {
    const result = queryPlanToSequelize({
      queryPlan: recordedPlan("contact.read.sarah"),
      model: db.Contact,
      mapper: contactMapper,
    });
    if (result.kind !== PlanKind.CONDITIONAL) throw new Error("expected a conditional plan");
    const where = { [Op.and]: [result.where, { isActive: true }] };
    const page = await db.Contact.findAll({ where, order: [["name", "ASC"]], limit: 2, offset: 1 });
    expect(page.map((row) => row.get("name"))).toEqual(["Christina", "Mary"]);
    expect(await db.Contact.count({ where })).toBe(4);
  });

  it("also works with an include and a limit (Sequelize's subquery keeps the root alias)", async () => {
    const result = queryPlanToSequelize({
      queryPlan: recordedPlan("contact.read.geri"),
      model: db.Contact,
      mapper: contactMapper,
    });
    if (result.kind !== PlanKind.CONDITIONAL) throw new Error("expected a conditional plan");
    const rows = await db.Contact.findAll({
      where: result.where,
      include: resourceInclude(db.Contact, contactMapper),
      order: [["id", "ASC"]],
      limit: 1,
    });
    expect(rows.map((row) => row.get("id"))).toEqual([1]);
  });
});
