import type { Principal } from "@cerbos/core";
import { type Database, principalOf } from "@repo/api/unstable-internals-do-not-import";
import { type BenchUserName, benchUserNames, benchUsers } from "../data/generate.ts";

/** The bench users' principals, built by the API's own code from the seeded rows. */
export async function loadPrincipals(db: Database): Promise<Record<BenchUserName, Principal>> {
  const { User, Membership } = db.models;
  const entries = await Promise.all(
    benchUserNames.map(async (name) => {
      const user = await User.findByPk(benchUsers[name].id, { include: [{ model: Membership, as: "memberships" }] });
      if (!user) throw new Error(`bench user ${benchUsers[name].id} is not in the database`);
      return [name, principalOf(user, user.memberships ?? [])] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<BenchUserName, Principal>;
}
