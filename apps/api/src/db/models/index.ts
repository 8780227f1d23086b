import type { Sequelize } from "sequelize";
import { defineCompany } from "./company.ts";
import { defineContact } from "./contact.ts";
import { defineLoginAttempt } from "./login-attempt.ts";
import { defineMembership } from "./membership.ts";
import { defineOrganization } from "./organization.ts";
import { defineContactTag, defineTag } from "./tag.ts";
import { defineUser } from "./user.ts";

/**
 * Defines the models on one Sequelize instance (not on global classes, so two databases can be
 * open in one process, e.g. the SQLite and Postgres test suites) and wires the associations the
 * app and the authorization mappers use.
 */
export function defineModels(sequelize: Sequelize) {
  const User = defineUser(sequelize);
  const Organization = defineOrganization(sequelize);
  const Membership = defineMembership(sequelize);
  const Company = defineCompany(sequelize);
  const Contact = defineContact(sequelize);
  const Tag = defineTag(sequelize);
  const ContactTag = defineContactTag(sequelize);
  const LoginAttempt = defineLoginAttempt(sequelize);

  User.hasMany(Membership, { as: "memberships", foreignKey: "userId" });
  Membership.belongsTo(User, { as: "user", foreignKey: "userId" });
  Organization.hasMany(Membership, { as: "memberships", foreignKey: "organizationId" });
  Membership.belongsTo(Organization, { as: "organization", foreignKey: "organizationId" });
  Company.belongsTo(Organization, { as: "organization", foreignKey: "organizationId" });
  Contact.belongsTo(User, { as: "owner", foreignKey: "ownerId" });
  Contact.belongsTo(Company, { as: "company", foreignKey: "companyId" });
  Contact.belongsTo(Organization, { as: "organization", foreignKey: "organizationId" });
  Contact.belongsToMany(Tag, { as: "tags", through: ContactTag, foreignKey: "contactId", otherKey: "tagId" });
  Tag.belongsToMany(Contact, { as: "contacts", through: ContactTag, foreignKey: "tagId", otherKey: "contactId" });

  return { User, Organization, Membership, Company, Contact, Tag, ContactTag, LoginAttempt };
}

export type Models = ReturnType<typeof defineModels>;
export type { CompanyModel } from "./company.ts";
export type { ContactModel } from "./contact.ts";
export type { MembershipModel, MembershipRole } from "./membership.ts";
export { membershipRoles } from "./membership.ts";
export type { OrganizationModel } from "./organization.ts";
export type { TagModel } from "./tag.ts";
export type { UserModel, UserRole } from "./user.ts";
