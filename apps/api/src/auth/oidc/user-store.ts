import { randomUUID } from "node:crypto";
import { col, fn, UniqueConstraintError, where } from "sequelize";
import type { Models, UserModel } from "../../db/models/index.ts";
import { OidcAuthError } from "./errors.ts";
import type { OidcUserStore } from "./user-mapping.ts";

// Not a scrypt hash: auth.login's verifyPassword refuses it, so an IdP user has no API password.
const noPassword = "!oidc: signs in through the identity provider";

/** The authenticator's user store on the API's database. */
export function sequelizeUserStore(User: Models["User"]): OidcUserStore<UserModel> {
  const findUserByEmail = async (email: string) => {
    const users = await User.findAll({ where: where(fn("lower", col("email")), email), limit: 2 });
    if (users.length > 1) throw new OidcAuthError("ambiguous_email", email);
    return users[0] ?? null;
  };
  return {
    findUserByEmail,
    async createUser({ email, name }) {
      const id = randomUUID();
      const usernameTaken = email.length > 64 || (await User.count({ where: { username: email } })) > 0;
      try {
        // Least privilege: role user, no department, no memberships; an admin grants the rest.
        return await User.create({
          id,
          username: usernameTaken ? `oidc-${id}` : email,
          email,
          name: name.slice(0, 255),
          passwordHash: noPassword,
          role: "user",
          department: null,
        });
      } catch (error) {
        // Another replica created this user a moment ago.
        if (error instanceof UniqueConstraintError) {
          const existing = await findUserByEmail(email);
          if (existing) return existing;
        }
        throw error;
      }
    },
  };
}
