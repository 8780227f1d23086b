import { findMariadbBinaries, mariadbRequired, startMariadb, type ThrowawayMariadb } from "@repo/testing";
import { QueryTypes, Sequelize } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resourceInclude, toCerbosResource } from "../src/index.ts";
import { seededHostile, sqliteMemory } from "./fixtures/hostile-fixture.ts";
import { type HostileModels, hostileMapper } from "./fixtures/hostile-schema.ts";
import { outcome, outcomeTable } from "./fixtures/recorded-outcomes.ts";

const mariadbRuns = mariadbRequired() || findMariadbBinaries() !== undefined;
if (!mariadbRuns)
  console.warn("\n!!! @repo/authz recorded plans on MariaDB SKIPPED: no mariadbd (CI=true fails instead)\n");

/**
 * The recorded hostile plans on MariaDB 10.11, the tables on the server's default collation
 * (utf8mb4_general_ci: case-insensitive, PAD SPACE), against the same six rows on SQLite.
 */
describe.skipIf(!mariadbRuns)("the recorded plans and rows on MariaDB", () => {
  let server: ThrowawayMariadb | undefined;
  let mariadb: Sequelize | undefined;
  let sqlite: Sequelize | undefined;
  let models: HostileModels;
  let sqliteModels: HostileModels;
  const scalar = async (sql: string) =>
    Object.values((await mariadb!.query<Record<string, unknown>>(sql, { type: QueryTypes.SELECT }))[0]!)[0];
  const has = async (action: string, id: string) => (await outcome(models, action, "explicit")).split(" ").includes(id);

  beforeAll(async () => {
    sqlite = sqliteMemory();
    [server, sqliteModels] = await Promise.all([startMariadb(), seededHostile(sqlite)]);
    mariadb = new Sequelize(await server.createDatabase("authz_recorded"), { dialect: "mariadb", logging: false });
    models = await seededHostile(mariadb);
  });
  afterAll(async () => {
    await Promise.all([mariadb?.close(), sqlite?.close()]);
    await server?.stop();
  });

  it("return exactly the rows SQLite returns, and refuse the same shapes", async () => {
    expect(await outcomeTable(models)).toEqual(await outcomeTable(sqliteModels));
  });

  it("compare strings byte-exactly where the column's collation ignores case and trailing spaces", async () => {
    // r1 is "Alpha", r2 "alpha": the table's own collation finds both.
    expect(Number(await scalar("SELECT COUNT(*) FROM hostile_items WHERE name = 'Alpha'"))).toBe(2);
    expect(await outcome(models, "str_eq", "explicit")).toBe("r1");
    // utf8mb4_bin still pads: 'Alpha ' equals 'Alpha' under it, never under the translation.
    await mariadb!.query("UPDATE hostile_items SET name = 'Alpha ' WHERE id = 'r2'");
    expect(Number(await scalar("SELECT COUNT(*) FROM hostile_items WHERE name = 'Alpha' COLLATE utf8mb4_bin"))).toBe(2);
    expect(await outcome(models, "str_eq", "explicit")).toBe("r1");
    await mariadb!.query("UPDATE hostile_items SET name = 'alpha' WHERE id = 'r2'");
  });

  it("measure size() in characters, not bytes", async () => {
    expect(Number(await scalar("SELECT LENGTH(name) FROM hostile_items WHERE id = 'r6'"))).toBe(6); // 日本
    expect(await has("size_string", "r6")).toBe(false); // size("日本") == 2, not > 3
  });

  it("compare a column holding microseconds at the millisecond the resource carries", async () => {
    await mariadb!.query("ALTER TABLE hostile_items MODIFY createdAt DATETIME(6) NOT NULL");
    // r3 is 12:00:00.500; stored as .4996 its resource says .499, and so must the filter.
    await mariadb!.query("UPDATE hostile_items SET createdAt = '2024-06-30 12:00:00.499600' WHERE id = 'r3'");
    const mapper = hostileMapper("explicit");
    const row = await models.Item.findByPk("r3", { include: resourceInclude(models.Item, mapper) });
    expect(toCerbosResource(row!, { kind: "hostile", mapper }).attr.createdAt).toBe("2024-06-30T12:00:00.499Z");
    expect(await has("ts_le_nanos", "r3")).toBe(true); // .499 <= .499999999
    expect(await has("ts_gt_nanos", "r3")).toBe(false);
    expect(await has("ts_le_fraction", "r3")).toBe(true); // .499 <= .500
  });

  it("never match a row whose hasOne has a second row", async () => {
    await models.Detail.create({ id: 100, itemId: "r1", title: "second", rank: null, archived: null });
    for (const action of ["detail_title_ne", "not_detail_archived", "detail_not_null", "detail_is_null"]) {
      expect(await outcome(models, action, "explicit"), action).not.toMatch(/\br1\b/);
    }
  });
});
