import type { Model, ModelStatic, Sequelize } from "sequelize";
import type { AnyKind } from "../../authz/kind.ts";
import { kinds } from "../../kinds.ts";
import { defineLoginAttempt } from "./login-attempt.ts";
import { defineMembership } from "./membership.ts";
import { defineContactTag, defineTag } from "./tag.ts";

type Kinds = typeof kinds;

/** Each registered kind's model under its name (`Contact`, `Note`, …), typed. */
type KindModels = {
  [K in keyof Kinds as Kinds[K]["model"]["name"]]: ReturnType<Kinds[K]["model"]["define"]>;
};

/**
 * The models on one Sequelize instance (not global classes, so two databases can be open in one
 * process, e.g. the SQLite and Postgres test suites): every resource kind's model from the
 * registry (src/kinds.ts) plus the tables that are no resource kind. Associations are wired once
 * all exist: each kind declares its own, the join tables' are here.
 */
export function defineModels(sequelize: Sequelize): Models {
  const Membership = defineMembership(sequelize);
  const shared: SharedModels = {
    Membership,
    Tag: defineTag(sequelize),
    ContactTag: defineContactTag(sequelize),
    LoginAttempt: defineLoginAttempt(sequelize),
  };
  const registered: AnyKind[] = Object.values(kinds);
  const defined = registered.map((kind) => [kind, kind.model.define(sequelize)] as const);
  Membership.belongsTo(sequelize.model("User"), { as: "user", foreignKey: "userId" });
  Membership.belongsTo(sequelize.model("Organization"), { as: "organization", foreignKey: "organizationId" });
  for (const [kind, model] of defined) kind.model.associate?.(model, sequelize);
  const byName: Record<string, ModelStatic<Model>> = Object.fromEntries(
    defined.map(([kind, model]) => [kind.model.name, model]),
  );
  return { ...shared, ...byName } as Models;
}

/** The tables that are no resource kind: memberships, tags and their links, login attempts. */
interface SharedModels {
  Membership: ReturnType<typeof defineMembership>;
  Tag: ReturnType<typeof defineTag>;
  ContactTag: ReturnType<typeof defineContactTag>;
  LoginAttempt: ReturnType<typeof defineLoginAttempt>;
}

export type Models = SharedModels & KindModels;

export type { CompanyModel } from "../../companies/kind.ts";
export type { ContactModel } from "../../contacts/kind.ts";
export type { OrganizationModel } from "../../organizations/kind.ts";
export type { UserRole } from "../../schemas.ts";
export type { UserModel } from "../../users/kind.ts";
export type { MembershipModel, MembershipRole } from "./membership.ts";
export { membershipRoles } from "./membership.ts";
export type { TagModel } from "./tag.ts";
