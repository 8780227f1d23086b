import {
  type CreationOptional,
  DataTypes,
  type InferAttributes,
  type InferCreationAttributes,
  type Model,
  type NonAttribute,
  type Sequelize,
} from "sequelize";
import type { OrganizationModel } from "../../organizations/kind.ts";
import { type MembershipRole, membershipRoles } from "../../schemas.ts";
import type { UserModel } from "../../users/kind.ts";

// An owner also holds member and billing rights.
export { type MembershipRole, membershipRoles };

export interface MembershipModel
  extends Model<InferAttributes<MembershipModel>, InferCreationAttributes<MembershipModel>> {
  id: CreationOptional<number>;
  userId: string;
  organizationId: number;
  role: MembershipRole;
  createdAt: CreationOptional<Date>;
  updatedAt: CreationOptional<Date>;
  user?: NonAttribute<UserModel>;
  organization?: NonAttribute<OrganizationModel>;
}

export function defineMembership(sequelize: Sequelize) {
  return sequelize.define<MembershipModel>(
    "Membership",
    {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: { type: DataTypes.STRING(64), allowNull: false },
      organizationId: { type: DataTypes.INTEGER, allowNull: false },
      role: { type: DataTypes.STRING(16), allowNull: false, validate: { isIn: [[...membershipRoles]] } },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE,
    },
    { tableName: "memberships" },
  );
}
