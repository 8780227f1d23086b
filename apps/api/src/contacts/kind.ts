import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type NonAttribute,
} from "sequelize";
import { defineKind } from "../authz/kind.ts";
import type { CompanyModel } from "../companies/kind.ts";
import type { TagModel } from "../db/models/tag.ts";
import type { UserModel } from "../users/kind.ts";
import { findContacts } from "./include.ts";

export interface ContactModel extends Model<InferAttributes<ContactModel>, InferCreationAttributes<ContactModel>> {
  id: CreationOptional<number>;
  firstName: string;
  lastName: string;
  ownerId: string;
  companyId: number | null;
  organizationId: number;
  isActive: boolean;
  marketingOptIn: boolean;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  owner?: NonAttribute<UserModel>;
  company?: NonAttribute<CompanyModel | null>;
  tags?: NonAttribute<TagModel[]>;
  /** The owner's and the company's names as findContacts reads them (null: no such row). */
  ownerName?: NonAttribute<string | null>;
  companyName?: NonAttribute<string | null>;
}

/** A contact of an organization's directory (policies/contact.yaml). */
export const contactKind = defineKind({
  name: "contact",
  label: "Contact",
  model: {
    name: "Contact",
    define: (sequelize) =>
      sequelize.define<ContactModel>(
        "Contact",
        {
          id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
          firstName: { type: DataTypes.STRING(255), allowNull: false },
          lastName: { type: DataTypes.STRING(255), allowNull: false },
          ownerId: { type: DataTypes.STRING(64), allowNull: false },
          companyId: { type: DataTypes.INTEGER, allowNull: true },
          organizationId: { type: DataTypes.INTEGER, allowNull: false },
          isActive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
          marketingOptIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
          createdAt: DataTypes.DATE,
          updatedAt: DataTypes.DATE,
        },
        { tableName: "contacts" },
      ),
    associate(Contact, sequelize) {
      const [Tag, ContactTag] = [sequelize.model("Tag"), sequelize.model("ContactTag")];
      Contact.belongsTo(sequelize.model("User"), { as: "owner", foreignKey: "ownerId" });
      Contact.belongsTo(sequelize.model("Company"), { as: "company", foreignKey: "companyId" });
      Contact.belongsTo(sequelize.model("Organization"), { as: "organization", foreignKey: "organizationId" });
      Contact.belongsToMany(Tag, { as: "tags", through: ContactTag, foreignKey: "contactId", otherKey: "tagId" });
      Tag.belongsToMany(Contact, { as: "contacts", through: ContactTag, foreignKey: "tagId", otherKey: "contactId" });
    },
  },
  mapper: {
    "request.resource.id": { column: "id" },
    "request.resource.attr.ownerId": { column: "ownerId" },
    "request.resource.attr.organizationId": { column: "organizationId" },
    "request.resource.attr.companyId": { column: "companyId" },
    "request.resource.attr.isActive": { column: "isActive" },
    "request.resource.attr.marketingOptIn": { column: "marketingOptIn" },
    "request.resource.attr.tags": { association: "tags", column: "name" },
  },
  flags: ["update", "delete"],
  probe: {
    ownerId: "startup-probe",
    organizationId: 1,
    companyId: null,
    isActive: true,
    marketingOptIn: false,
    tags: [],
  },
  organizationOf: (contact) => contact.organizationId,
  // Owner and company for the views; tags with one IN query (include.ts says why).
  find: findContacts,
});
