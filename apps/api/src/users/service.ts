import { type AuthzContext, authorize } from "../authz/guard.ts";
import { decidedWrite } from "../authz/write.ts";
import { changedMeanwhile, notFound } from "../errors.ts";
import { userKind } from "./kind.ts";
import { publicUser } from "./serialize.ts";

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
