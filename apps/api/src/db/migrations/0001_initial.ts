import { DataTypes, type QueryInterface } from "sequelize";
import { schemaDialect } from "../schema-dialect.ts";

// Every column a policy condition filters on (through the query plan) is indexed, and so is
// every column a list sorts by.
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const { date, table } = schemaDialect(qi);
  const timestamps = {
    createdAt: { type: date, allowNull: false },
    updatedAt: { type: date, allowNull: false },
  };
  await qi.createTable(
    "users",
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      email: { type: DataTypes.STRING(255), allowNull: false },
      name: { type: DataTypes.STRING(255), allowNull: false },
      passwordHash: { type: DataTypes.STRING(255), allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false },
      department: { type: DataTypes.STRING(64), allowNull: true },
      isBanned: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      ...timestamps,
    },
    table,
  );
  await qi.createTable(
    "organizations",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(255), allowNull: false },
      billingAddress: { type: DataTypes.STRING(255), allowNull: false, defaultValue: "" },
      ...timestamps,
    },
    table,
  );
  await qi.createTable(
    "memberships",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: {
        type: DataTypes.STRING(64),
        allowNull: false,
        references: { model: "users", key: "id" },
        onDelete: "CASCADE",
      },
      organizationId: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: "organizations", key: "id" },
        onDelete: "CASCADE",
      },
      role: { type: DataTypes.STRING(16), allowNull: false },
      ...timestamps,
    },
    table,
  );
  await qi.addIndex("memberships", ["userId", "organizationId"], { unique: true, name: "memberships_user_org" });
  await qi.addIndex("memberships", ["organizationId"], { name: "memberships_org" });

  await qi.createTable(
    "companies",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(255), allowNull: false },
      website: { type: DataTypes.STRING(255), allowNull: true },
      organizationId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "organizations", key: "id" } },
      ...timestamps,
    },
    table,
  );
  await qi.addIndex("companies", ["organizationId"], { name: "companies_org" });
  await qi.addIndex("companies", ["name"], { name: "companies_name" });

  await qi.createTable(
    "contacts",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      firstName: { type: DataTypes.STRING(255), allowNull: false },
      lastName: { type: DataTypes.STRING(255), allowNull: false },
      ownerId: { type: DataTypes.STRING(64), allowNull: false, references: { model: "users", key: "id" } },
      companyId: { type: DataTypes.INTEGER, allowNull: true, references: { model: "companies", key: "id" } },
      organizationId: { type: DataTypes.INTEGER, allowNull: false, references: { model: "organizations", key: "id" } },
      isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      marketingOptIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ...timestamps,
    },
    table,
  );
  for (const column of [
    "ownerId",
    "organizationId",
    "companyId",
    "isActive",
    "marketingOptIn",
    "firstName",
    "lastName",
    "createdAt",
    "updatedAt",
  ]) {
    await qi.addIndex("contacts", [column], { name: `contacts_${column}` });
  }

  await qi.createTable(
    "tags",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    },
    table,
  );
  await qi.createTable(
    "contact_tags",
    {
      contactId: {
        type: DataTypes.INTEGER,
        primaryKey: true,
        references: { model: "contacts", key: "id" },
        onDelete: "CASCADE",
      },
      tagId: {
        type: DataTypes.INTEGER,
        primaryKey: true,
        references: { model: "tags", key: "id" },
        onDelete: "CASCADE",
      },
    },
    table,
  );
  await qi.addIndex("contact_tags", ["tagId", "contactId"], { name: "contact_tags_tag_contact" });

  await qi.createTable(
    "login_attempts",
    {
      key: { type: DataTypes.STRING(128), primaryKey: true },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      windowStartedAt: { type: date, allowNull: false },
    },
    table,
  );
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  for (const table of [
    "login_attempts",
    "contact_tags",
    "tags",
    "contacts",
    "companies",
    "memberships",
    "organizations",
    "users",
  ]) {
    await qi.dropTable(table);
  }
}
