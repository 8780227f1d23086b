import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
} from "sequelize";
import { defineKind } from "../authz/kind.ts";

export interface OrganizationModel
  extends Model<InferAttributes<OrganizationModel>, InferCreationAttributes<OrganizationModel>> {
  id: CreationOptional<number>;
  name: string;
  billingAddress: string;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

/** A tenant: users belong to it through memberships (policies/organization.yaml). */
export const organizationKind = defineKind({
  name: "organization",
  label: "Organization",
  model: {
    name: "Organization",
    define: (sequelize) =>
      sequelize.define<OrganizationModel>(
        "Organization",
        {
          id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
          name: { type: DataTypes.STRING(255), allowNull: false },
          billingAddress: { type: DataTypes.STRING(255), allowNull: false, defaultValue: "" },
          createdAt: DataTypes.DATE,
          updatedAt: DataTypes.DATE,
        },
        { tableName: "organizations" },
      ),
    associate(Organization, sequelize) {
      Organization.hasMany(sequelize.model("Membership"), { as: "memberships", foreignKey: "organizationId" });
    },
  },
  // An organization's `organizationId` attribute is its own id (the derived roles expect it).
  mapper: {
    "request.resource.id": { column: "id" },
    "request.resource.attr.organizationId": { column: "id" },
  },
  flags: ["readBilling", "listMembers", "assignRole", "addMember", "removeMember"],
  probe: { organizationId: 1 },
  organizationOf: (organization) => organization.id,
});
