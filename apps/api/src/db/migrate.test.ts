import type {} from "@repo/pdp/global-setup";
import { QueryTypes, type Sequelize } from "sequelize";
import { afterAll, describe, expect, inject, it } from "vitest";
import type {} from "../../test/support/mariadb-global-setup.ts";
import type {} from "../../test/support/postgres-global-setup.ts";
import { dialectsWithMariadb } from "../../test/support/stack.ts";
import { createTempDatabase, type Dialect, type TempDatabase } from "../testing/database.ts";
import { type ApiProcess, spawnApi } from "../testing/process.ts";
import { connectDatabase } from "./connect.ts";
import { migrate } from "./migrate.ts";

const databases: TempDatabase[] = [];
const children: ApiProcess[] = [];
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill9()));
  for (const database of databases) await database.drop();
});

async function emptyDatabase(dialect: Dialect): Promise<string> {
  const database = await createTempDatabase(dialect, inject(dialect === "mariadb" ? "mariadbUrl" : "postgresUrl"));
  databases.push(database);
  return database.url;
}

/** The SQL below quotes identifiers the standard way; MariaDB reads "x" as a string. */
const quoted = (sequelize: Sequelize, sql: string) =>
  sequelize.getDialect() === "mariadb" ? sql.replace(/"(\w+)"/g, "`$1`") : sql;

const count = async (sequelize: Sequelize, sql: string) =>
  Number((await sequelize.query<{ n: number | string }>(quoted(sequelize, sql), { type: QueryTypes.SELECT }))[0]?.n);

describe.each(dialectsWithMariadb)("migrations under a lock (%s)", (dialect) => {
  it("two connections migrating one empty database at once: one applies every migration, the other finds none pending", async () => {
    const url = await emptyDatabase(dialect);
    const connections = [connectDatabase(url), connectDatabase(url)];
    try {
      const seeds: number[] = [];
      const runs = await Promise.all(
        connections.map((sequelize, index) =>
          migrate(sequelize, {
            // Both "seed" under the lock: the second must see the first's row.
            thenUnderLock: async () => {
              const present = await count(sequelize, `SELECT count(*) AS n FROM "users"`);
              if (present === 0) {
                await sequelize.query(
                  quoted(
                    sequelize,
                    `INSERT INTO "users" ("id", "username", "email", "name", "passwordHash", "role", "isBanned", "tokenVersion", "createdAt", "updatedAt")
                   VALUES (?, ?, ?, ?, 'x', 'user', false, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
                  ),
                  { replacements: [`u${index}`, `u${index}`, `u${index}@example.com`, `u${index}`] },
                );
                seeds.push(index);
              }
            },
          }),
        ),
      );
      const applied = runs.map((names) => names.length).sort();
      expect(applied[0]).toBe(0);
      expect(applied[1]).toBeGreaterThanOrEqual(4);
      expect(seeds).toHaveLength(1);
      expect(await count(connections[0]!, `SELECT count(*) AS n FROM "schema_migrations"`)).toBe(applied[1]);
      expect(await count(connections[1]!, `SELECT count(*) AS n FROM "users"`)).toBe(1);
    } finally {
      await Promise.all(connections.map((sequelize) => sequelize.close()));
    }
  });
});

describe.each(dialectsWithMariadb)("two API processes started at once on one empty database (%s)", (dialect) => {
  it("both come up healthy; one applied the migrations and seeded, the other neither", async () => {
    const url = await emptyDatabase(dialect);
    const start = () =>
      spawnApi({ databaseUrl: url, cerbosUrl: inject("cerbosUrl"), env: { LOG_LEVEL: "info" } }).then((child) => {
        children.push(child);
        return child;
      });
    const replicas = await Promise.all([start(), start()]);
    for (const replica of replicas) {
      expect((await fetch(`${replica.baseUrl}/health`)).status).toBe(200);
    }
    const migrated = replicas.filter((replica) => replica.output().includes('"msg":"applied migrations"'));
    const seeded = replicas.filter((replica) => replica.output().includes('"msg":"seeded the demo data'));
    expect(migrated).toHaveLength(1);
    expect(seeded).toHaveLength(1);
    const db = connectDatabase(url);
    try {
      expect(await count(db, `SELECT count(*) AS n FROM "users" WHERE "id" = 'john'`)).toBe(1);
      expect(await count(db, `SELECT count(*) AS n FROM "schema_migrations"`)).toBeGreaterThanOrEqual(4);
    } finally {
      await db.close();
    }
  });
});
