import { DataTypes, type QueryInterface } from "sequelize";
import { schemaDialect } from "../schema-dialect.ts";

// Notes on contacts (apps/api/src/notes/). A note goes with its contact (ON DELETE CASCADE); its
// list is per contact, newest first, so (contactId, createdAt, id) serves the page and the count.
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  const { date, table } = schemaDialect(qi);
  await qi.createTable(
    "notes",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      contactId: {
        type: DataTypes.INTEGER,
        allowNull: false,
        references: { model: "contacts", key: "id" },
        onDelete: "CASCADE",
      },
      authorId: { type: DataTypes.STRING(64), allowNull: false, references: { model: "users", key: "id" } },
      body: { type: DataTypes.TEXT, allowNull: false },
      visibility: { type: DataTypes.STRING(16), allowNull: false },
      createdAt: { type: date, allowNull: false },
      updatedAt: { type: date, allowNull: false },
    },
    table,
  );
  await qi.addIndex("notes", ["contactId", "createdAt", "id"], { name: "notes_contact_created" });
  await qi.addIndex("notes", ["authorId"], { name: "notes_author" });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable("notes");
}
