import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type NonAttribute,
} from "sequelize";
import { defineKind } from "../authz/kind.ts";
import type { MembershipModel } from "../db/models/membership.ts";
import { type UserRole, userRoles } from "../schemas.ts";

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

/** A user account, administered by admins (policies/user.yaml); not in any one organization. */
export const userKind = defineKind({
  name: "user",
  label: "User",
  model: {
    name: "User",
    define: (sequelize) =>
      sequelize.define<UserModel>(
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
      ),
    associate(User, sequelize) {
      User.hasMany(sequelize.model("Membership"), { as: "memberships", foreignKey: "userId" });
    },
  },
  mapper: {
    "request.resource.id": { column: "id" },
    "request.resource.attr.role": { column: "role" },
    "request.resource.attr.isBanned": { column: "isBanned" },
  },
  flags: [],
  probe: { role: "user", isBanned: false },
});
