import type { QueryInterface, Sequelize } from "sequelize";
import { SequelizeStorage, Umzug } from "umzug";
import * as initial from "./migrations/0001_initial.ts";
import * as listIndexes from "./migrations/0002_list_indexes.ts";
import * as orgSortIndexes from "./migrations/0003_org_sort_indexes.ts";

// Listed explicitly (not globbed) so the same list works from source with tsx and in tests.
const migrations = [
  { name: "0001_initial", ...initial },
  { name: "0002_list_indexes", ...listIndexes },
  { name: "0003_org_sort_indexes", ...orgSortIndexes },
];

export function migrator(sequelize: Sequelize): Umzug<QueryInterface> {
  return new Umzug({
    migrations,
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: "schema_migrations" }),
    logger: undefined,
  });
}

/** Applies every pending migration; returns the names it applied. */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const applied = await migrator(sequelize).up();
  return applied.map((migration) => migration.name);
}
