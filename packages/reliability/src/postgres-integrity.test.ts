import { startPostgres, type ThrowawayPostgres } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresAvailable } from "./dialects.ts";
import { checkPostgresConstraints, postgresSchema } from "./postgres-integrity.ts";
import { connectSql, type SqlConnection } from "./scale-out/sql.ts";

// The crash-safety scenario's constraint checks find what they claim to: an orphan row slipped
// past its foreign key (triggers off, as a restore without checks leaves it), duplicates under a
// unique index whose concurrent build failed (left invalid), a constraint added NOT VALID.
describe.runIf(postgresAvailable)("Postgres constraint checks", () => {
  let postgres: ThrowawayPostgres;
  let db: SqlConnection;

  beforeAll(async () => {
    postgres = await startPostgres();
    db = connectSql(await postgres.createDatabase("integrity_check"));
    await db.all(`CREATE TABLE "parents" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL UNIQUE)`);
    await db.all(
      `CREATE TABLE "children" ("id" SERIAL PRIMARY KEY, "parentId" INTEGER REFERENCES "parents" ("id"), "code" TEXT)`,
    );
    await db.all(`INSERT INTO "parents" ("name") VALUES ('a'), ('b')`);
    await db.all(`INSERT INTO "children" ("parentId", "code") VALUES (1, 'x'), (NULL, 'y'), (2, 'z')`);
  });

  afterAll(async () => {
    await db?.close();
    await postgres?.stop();
  });

  it("passes sound rows and lists the keys it checked", async () => {
    const check = await checkPostgresConstraints(db);
    expect(check.problems).toEqual([]);
    expect(check.foreignKeys).toEqual(["children.parentId → parents.id"]);
    expect(check.uniques).toEqual(["children (id)", "parents (name)", "parents (id)"]);
    expect((await postgresSchema(db)).constraints).toHaveLength(4);
  });

  it("finds an orphan row, a duplicate key and a constraint not validated", async () => {
    // One statement, so the session setting and the inserts share a connection of the pool.
    await db.all(
      `SET session_replication_role = replica; INSERT INTO "children" ("parentId", "code") VALUES (99, 'x');
       RESET session_replication_role`,
    );
    await db.all(`ALTER TABLE "children" ADD CONSTRAINT "children_code_short" CHECK (length("code") < 2) NOT VALID`);
    await db.all(`INSERT INTO "children" ("parentId", "code") VALUES (1, 'x')`);
    // A unique index built CONCURRENTLY over duplicates fails and stays behind, invalid.
    await expect(db.all(`CREATE UNIQUE INDEX CONCURRENTLY "children_code" ON "children" ("code")`)).rejects.toThrow();
    const check = await checkPostgresConstraints(db);
    expect(check.problems).toEqual([
      "1 children rows with a parentId not in parents",
      "1 duplicated keys in children_code",
      "constraint children_code_short is not validated",
      "index children_code is not valid",
    ]);
  });
});
