import { type AuthzContext, listKind } from "../authz/guard.ts";
import { forbidden } from "../errors.ts";
import { keyset } from "../paging/keyset.ts";
import type { UserListInput } from "../schemas.ts";
import { userKind } from "./kind.ts";
import { publicUser } from "./serialize.ts";

const byUsername = keyset({
  list: "users",
  direction: "ASC",
  columns: [
    { attribute: "username", type: "text" },
    { attribute: "id", type: "text" },
  ],
});

/**
 * The users the caller may read (policies/user.yaml: admins), by username, one page with the
 * exact total and a keyset cursor. A caller who may read no user at all → FORBIDDEN.
 */
export async function listUsers(ctx: AuthzContext, input: UserListInput) {
  const page = await listKind(ctx, userKind, {
    after: byUsername.after(input.cursor),
    order: byUsername.order,
    limit: input.limit,
  });
  if (page.denied) throw forbidden(page.cerbosCallIds.read ?? "");
  return { items: page.rows.map(publicUser), total: page.count, nextCursor: byUsername.next(page.rows, page.hasMore) };
}
