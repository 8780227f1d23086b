import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type Sequelize,
} from "sequelize";

export interface OrganizationModel
  extends Model<InferAttributes<OrganizationModel>, InferCreationAttributes<OrganizationModel>> {
  id: CreationOptional<number>;
  name: string;
  billingAddress: string;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
}

export function defineOrganization(sequelize: Sequelize) {
  return sequelize.define<OrganizationModel>(
    "Organization",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING(255), allowNull: false },
      billingAddress: { type: DataTypes.STRING(255), allowNull: false, defaultValue: "" },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: "organizations" },
  );
}
