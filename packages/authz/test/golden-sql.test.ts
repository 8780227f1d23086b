import { readdirSync } from "node:fs";
import { DataTypes, Sequelize } from "sequelize";
import { describe, expect, it } from "vitest";
import { type Mapper, queryPlanToSql, UnsupportedQueryPlanError } from "../src/index.ts";
import { hostileMapper } from "./differential/hostile-mapper.ts";
import { defineHostileModels } from "./differential/models.ts";
import { contactMapper, defineContactModels } from "./fixtures/contacts.ts";
import { recordedPlan } from "./fixtures/plans.ts";

// Golden SQL: every recorded plan's translation per dialect, as committed files, so that a change
// of the SQL shows in review beside the row-by-row proof. No database is needed to translate:
// the Postgres and MariaDB instances never connect.

const plans = readdirSync(new URL("./recorded-plans/", import.meta.url))
  .filter((file) => !file.startsWith("wire."))
  .map((file) => file.replace(/\.json$/, ""))
  .sort();

const dialects = {
  sqlite: () => new Sequelize({ dialect: "sqlite", storage: ":memory:", logging: false }),
  postgres: () => new Sequelize("postgres://golden@127.0.0.1:1/golden", { dialect: "postgres", logging: false }),
  mariadb: () => new Sequelize("mariadb://golden@127.0.0.1:1/golden", { dialect: "mariadb", logging: false }),
} as const;

const organizationMapper: Mapper = {
  "request.resource.id": { column: "id" },
  "request.resource.attr.organizationId": { column: "organizationId" },
};

function translated(plan: string, model: Parameters<typeof queryPlanToSql>[0]["model"], mapper: Mapper): string {
  try {
    return queryPlanToSql({ queryPlan: recordedPlan(plan), model, mapper });
  } catch (error) {
    if (error instanceof UnsupportedQueryPlanError) return `-- refused: ${error.message}`;
    throw error;
  }
}

const file = (names: readonly string[], sql: (name: string) => string) =>
  `${names.map((name) => `-- ${name}\n${sql(name)}\n`).join("\n")}`;

describe.each(Object.keys(dialects) as (keyof typeof dialects)[])("golden SQL on %s", (dialect) => {
  const sequelize = dialects[dialect]();
  const hostile = defineHostileModels(sequelize);
  const contacts = defineContactModels(sequelize);
  const Organization = sequelize.define(
    "Organization",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true },
      organizationId: { type: DataTypes.INTEGER, allowNull: false, field: "id_copy" },
    },
    { tableName: "organizations", timestamps: false },
  );

  it.for(["explicit", "omitted"] as const)("of every hostile plan, NULLs %s", async (representation) => {
    const names = plans.filter((name) => name.startsWith("hostile."));
    const text = file(names, (name) => translated(name, hostile.Item, hostileMapper(representation)));
    await expect(text).toMatchFileSnapshot(`./golden/hostile.${representation}.${dialect}.sql`);
  });

  it("of every plan of the shipped policies", async () => {
    const names = plans.filter((name) => !name.startsWith("hostile."));
    const text = file(names, (name) => {
      if (name.startsWith("contact.")) return translated(name, contacts.Contact, contactMapper);
      if (name.startsWith("company.")) return translated(name, contacts.Company, organizationMapper);
      return translated(name, Organization, organizationMapper);
    });
    await expect(text).toMatchFileSnapshot(`./golden/shipped.${dialect}.sql`);
  });
});
