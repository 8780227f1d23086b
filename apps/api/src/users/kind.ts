import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type NonAttribute,
  type Sequelize,
} from "sequelize";
import type { MembershipModel } from "./membership.ts";

export const userRoles = ["admin", "user"] as const;
export type UserRole = (typeof userRoles)[number];

export interface UserModel extends Model<InferAttributes<UserModel>, InferCreationAttributes<UserModel>> {
  /** A string: the policies compare a contact's ownerId with the principal id. */
  id: string;
  username: string;
  email: string;
  name: string;
  passwordHash: string;
  role: UserRole;
  department: string | null;
  isBanned: CreationOptional<boolean>;
  /** Bumped by logout and ban: tokens carry the version they were issued with. */
  tokenVersion: CreationOptional<number>;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  memberships?: NonAttribute<MembershipModel[]>;
}

export function defineUser(sequelize: Sequelize) {
  return sequelize.define<UserModel>(
    "User",
    {
      id: { type: DataTypes.STRING(64), primaryKey: true },
      username: { type: DataTypes.STRING(64), allowNull: false, unique: true },
      email: { type: DataTypes.STRING(255), allowNull: false },
      name: { type: DataTypes.STRING(255), allowNull: false },
      passwordHash: { type: DataTypes.STRING(255), allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [[...userRoles]] } },
      department: { type: DataTypes.STRING(64), allowNull: true },
      isBanned: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      tokenVersion: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: "users" },
  );
}
