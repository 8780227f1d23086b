import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type NonAttribute,
  type Sequelize,
} from "sequelize";
import type { CompanyModel } from "./company.ts";
import type { TagModel } from "./tag.ts";
import type { UserModel } from "./user.ts";

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
}

export function defineContact(sequelize: Sequelize) {
  return sequelize.define<ContactModel>(
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
  );
}
