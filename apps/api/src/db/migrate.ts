import { readdirSync } from "node:fs";
import type { QueryInterface, Sequelize } from "sequelize";
import { SequelizeStorage, Umzug } from "umzug";
import { withMigrationLock } from "./migration-lock.ts";

type MigrationFn = (params: { context: QueryInterface }) => Promise<void>;

const directory = new URL("./migrations/", import.meta.url);

/**
 * Every `migrations/NNNN_name.ts`, in name order: adding a migration is adding a file. Each is
 * loaded with `import()` (tsx and vitest both run the TypeScript), not by umzug's `require`.
 */
async function loadMigrations(): Promise<{ name: string; up: MigrationFn; down: MigrationFn }[]> {
  const files = readdirSync(directory)
    .filter((file) => /^\d{4}_[\w-]+\.ts$/.test(file))
    .sort();
  return Promise.all(
    files.map(async (file) => {
      const module = (await import(new URL(file, directory).href)) as { up: MigrationFn; down: MigrationFn };
      return { name: file.replace(/\.ts$/, ""), up: module.up, down: module.down };
    }),
  );
}

export async function migrator(sequelize: Sequelize): Promise<Umzug<QueryInterface>> {
  return new Umzug({
    migrations: await loadMigrations(),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: "schema_migrations" }),
    logger: undefined,
  });
}

export interface MigrateOptions {
  /** Runs after the migrations, still under the lock (seeding an empty database: only one replica may). */
  thenUnderLock?: () => Promise<void>;
}

/**
 * Applies every pending migration; returns the names it applied. Replicas starting at once on
 * one database take turns (migration-lock.ts): the first applies, the others find none pending.
 */
export async function migrate(sequelize: Sequelize, options: MigrateOptions = {}): Promise<string[]> {
  return withMigrationLock(sequelize, async () => {
    const applied = await (await migrator(sequelize)).up();
    await options.thenUnderLock?.();
    return applied.map((migration) => migration.name);
  });
}
