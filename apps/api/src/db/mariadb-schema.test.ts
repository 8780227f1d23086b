import type {} from "@repo/pdp/global-setup";
import { QueryTypes, type Sequelize } from "sequelize";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../test/support/mariadb-global-setup.ts";
import { createTempDatabase, type TempDatabase } from "../testing/database.ts";
import { connectDatabase } from "./connect.ts";
import { migrate } from "./migrate.ts";

const mariadbUrl = inject("mariadbUrl");

/** The migrations' MariaDB form, on a database left on the server's default case-insensitive collation. */
describe.skipIf(!mariadbUrl)("the schema on MariaDB", () => {
  let database: TempDatabase;
  let sequelize: Sequelize;
  const rows = <T extends object>(sql: string) => sequelize.query<T>(sql, { type: QueryTypes.SELECT });

  beforeAll(async () => {
    database = await createTempDatabase("mariadb", mariadbUrl);
    sequelize = connectDatabase(database.url);
    await migrate(sequelize);
  });
  afterAll(async () => {
    await sequelize?.close();
    await database?.drop();
  });

  it("keeps text byte-exact and in code-point order whatever the database's default collation", async () => {
    const [current] = await rows<{ collation: string }>("SELECT @@collation_database AS collation");
    expect(current?.collation).toBe("utf8mb4_general_ci");
    const tables = await rows<{ name: string; collation: string }>(
      "SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'schema_migrations'",
    );
    expect(tables.length).toBeGreaterThanOrEqual(8);
    expect(tables.filter((table) => table.collation !== "utf8mb4_nopad_bin")).toEqual([]);
    // Under the default collation "JOHN" and "john " would both be the user john.
    await sequelize.query(
      "INSERT INTO users (id, username, email, name, passwordHash, role, createdAt, updatedAt) VALUES ('john', 'john', 'j@x', 'J', 'x', 'user', NOW(3), NOW(3))",
    );
    const [found] = await rows<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE username IN ('JOHN', 'john ')");
    expect(Number(found?.n)).toBe(0);
  });

  it("stores dates with milliseconds", async () => {
    const columns = await rows<{ name: string; type: string }>(
      "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) AS name, COLUMN_TYPE AS type FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'datetime' AND TABLE_NAME <> 'schema_migrations'",
    );
    expect(columns.length).toBeGreaterThanOrEqual(10);
    expect(columns.filter((column) => column.type !== "datetime(3)")).toEqual([]);
  });

  it("sorts names by indexed generated lower() columns (no functional indexes in MariaDB)", async () => {
    const generated = await rows<{ name: string; expression: string }>(
      "SELECT COLUMN_NAME AS name, GENERATION_EXPRESSION AS expression FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'contacts' AND IS_GENERATED = 'ALWAYS' ORDER BY name",
    );
    expect(generated).toEqual([
      { name: "firstNameLower", expression: "lcase(`firstName`)" },
      { name: "lastNameLower", expression: "lcase(`lastName`)" },
    ]);
    const indexes = await rows<{ name: string; columns: string }>(
      "SELECT INDEX_NAME AS name, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS columns FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'contacts' AND INDEX_NAME LIKE '%lower%' GROUP BY INDEX_NAME ORDER BY name",
    );
    expect(indexes).toEqual([
      { name: "contacts_lower_firstName_id", columns: "firstNameLower,id" },
      { name: "contacts_lower_lastName_id", columns: "lastNameLower,id" },
      { name: "contacts_org_lower_firstName_id", columns: "organizationId,firstNameLower,id" },
      { name: "contacts_org_lower_lastName_id", columns: "organizationId,lastNameLower,id" },
    ]);
  });
});
