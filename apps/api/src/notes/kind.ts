import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type NonAttribute,
} from "sequelize";
import { resourceInclude } from "../authz/adapter.ts";
import { defineKind, type KindFindOptions } from "../authz/kind.ts";
import type { ContactModel } from "../contacts/kind.ts";
import type { Database } from "../db/database.ts";
import { type NoteVisibility, noteVisibilities } from "../schemas.ts";
import type { UserModel } from "../users/kind.ts";

export interface NoteModel extends Model<InferAttributes<NoteModel>, InferCreationAttributes<NoteModel>> {
  id: CreationOptional<number>;
  contactId: number;
  authorId: string;
  body: string;
  visibility: NoteVisibility;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  contact?: NonAttribute<ContactModel>;
  author?: NonAttribute<UserModel>;
}

/** A note on a contact (policies/note.yaml); its organization and owner are the contact's. */
export const noteKind = defineKind({
  name: "note",
  label: "Note",
  model: {
    name: "Note",
    define: (sequelize) =>
      sequelize.define<NoteModel>(
        "Note",
        {
          id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
          contactId: { type: DataTypes.INTEGER, allowNull: false },
          authorId: { type: DataTypes.STRING(64), allowNull: false },
          body: { type: DataTypes.TEXT, allowNull: false },
          visibility: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [[...noteVisibilities]] } },
          createdAt: DataTypes.DATE,
          updatedAt: DataTypes.DATE,
        },
        { tableName: "notes" },
      ),
    associate(Note, sequelize) {
      Note.belongsTo(sequelize.model("Contact"), { as: "contact", foreignKey: "contactId" });
      Note.belongsTo(sequelize.model("User"), { as: "author", foreignKey: "authorId" });
    },
  },
  // organizationId and contactOwnerId are the contact's, read through the association (a
  // subquery in a list's WHERE, the loaded `contact` in a check).
  mapper: {
    "request.resource.id": { column: "id" },
    "request.resource.attr.authorId": { column: "authorId" },
    "request.resource.attr.contactId": { column: "contactId" },
    "request.resource.attr.visibility": { column: "visibility" },
    "request.resource.attr.organizationId": { association: "contact", column: "organizationId" },
    "request.resource.attr.contactOwnerId": { association: "contact", column: "ownerId" },
  },
  flags: ["update", "delete"],
  probe: {
    authorId: "startup-probe",
    contactId: 1,
    contactOwnerId: "startup-probe",
    organizationId: 1,
    visibility: "private",
  },
  organizationOf: (note) => note.contact!.organizationId,
  find: findNotes,
});

/** Notes with what the mapper needs (the contact's organization and owner) and the author's name. */
function findNotes(db: Database, options: KindFindOptions): Promise<NoteModel[]> {
  const Note = noteKind.modelOf(db);
  return Note.findAll({
    ...options,
    include: [...resourceInclude(Note, noteKind.mapper), { association: "author", attributes: ["id", "name"] }],
  });
}
