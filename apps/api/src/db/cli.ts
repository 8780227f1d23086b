import { loadConfig } from "../config.ts";
import { openDatabase } from "./database.ts";
import { migrate } from "./migrate.ts";
import { seedIfEmpty } from "./seed.ts";

// `pnpm --filter @repo/api db:migrate` / `db:seed` against DATABASE_URL (default: .data/app.db).
const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: tsx src/db/cli.ts migrate|seed");
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(config.databaseUrl);
try {
  let seeded = false;
  const applied = await migrate(db.sequelize, {
    thenUnderLock: async () => {
      seeded = command === "seed" && (await seedIfEmpty(db.models));
    },
  });
  console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "no pending migrations");
  if (command === "seed") console.log(seeded ? "seeded the demo data" : "the database has users already: not seeded");
  await db.optimize();
} finally {
  await db.sequelize.close();
}
