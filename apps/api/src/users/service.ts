import { type AuthzContext, authorize, listKind } from "../authz/guard.ts";
import { maxResourcesPerCheck } from "../authz/query.ts";
import { decidedWrite } from "../authz/write.ts";
import { changedMeanwhile, forbidden, notFound } from "../errors.ts";
import { type UserModel, userKind } from "./kind.ts";
import { publicUser } from "./serialize.ts";

/** Every user the caller may read (policies/user.yaml: admins), in pages of the check's size. Nobody → FORBIDDEN. */
export async function listUsers(ctx: AuthzContext) {
  const users: UserModel[] = [];
  for (let offset = 0; ; offset += maxResourcesPerCheck) {
    const page = await listKind(ctx, userKind, {
      order: [["username", "ASC"]],
      limit: maxResourcesPerCheck,
      offset,
    });
    if (page.denied) throw forbidden(page.cerbosCallIds.read ?? "");
    users.push(...page.rows);
    if (!page.hasMore) return users.map(publicUser);
  }
}

/** Bans or unbans the user and revokes their tokens (the token version moves on). */
export function setBanned(ctx: AuthzContext, id: string, isBanned: boolean) {
  return decidedWrite(ctx, async (ctx) => {
    const { User } = ctx.db.models;
    const user = await User.findByPk(id);
    // A missing user is checked as a plain user would be, so only those who may administer users
    // learn whether one exists.
    const resource = user
      ? userKind.resource(user)
      : { kind: userKind.name, id, attr: { role: "user", isBanned: !isBanned } };
    await authorize(ctx, [{ resource, actions: [isBanned ? "ban" : "unban"] }]);
    if (!user) throw notFound(userKind.label);
    return {
      write: async (transaction) => {
        // Only while the user is what the policy read (its role); every token of theirs is revoked.
        const [updated] = await User.update({ isBanned }, { where: { id: user.id, role: user.role }, transaction });
        if (updated === 0) throw changedMeanwhile("user");
        await User.increment("tokenVersion", { where: { id: user.id }, transaction });
        await user.reload({ transaction });
        return publicUser(user);
      },
    };
  });
}
