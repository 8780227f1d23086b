import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
} from "sequelize";
import { defineKind } from "../authz/kind.ts";

export interface CompanyModel extends Model<InferAttributes<CompanyModel>, InferCreationAttributes<CompanyModel>> {
  id: CreationOptional<number>;
  name: string;
  website: string | null;
  organizationId: number;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

/** A company contacts work for, in one organization (policies/company.yaml). */
export const companyKind = defineKind({
  name: "company",
  label: "Company",
  model: {
    name: "Company",
    define: (sequelize) =>
      sequelize.define<CompanyModel>(
        "Company",
        {
          id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
          name: { type: DataTypes.STRING(255), allowNull: false },
          website: { type: DataTypes.STRING(255), allowNull: true },
          organizationId: { type: DataTypes.INTEGER, allowNull: false },
          createdAt: DataTypes.DATE,
          updatedAt: DataTypes.DATE,
        },
        { tableName: "companies" },
      ),
    associate(Company, sequelize) {
      Company.belongsTo(sequelize.model("Organization"), { as: "organization", foreignKey: "organizationId" });
    },
  },
  mapper: {
    "request.resource.id": { column: "id" },
    "request.resource.attr.organizationId": { column: "organizationId" },
  },
  flags: ["update"],
  probe: { organizationId: 1 },
  organizationOf: (company) => company.organizationId,
});
