import { Op, type WhereOptions } from "sequelize";
import { type AuthzContext, listKind } from "../authz/guard.ts";
import { isAdmin, requireMembership } from "../authz/membership.ts";
import type { ContactListInput } from "../schemas.ts";
import { cursorKey, decodeCursor, encodeCursor } from "./cursor.ts";
import { contactKind } from "./kind.ts";
import { type ContactDto, serializeContact } from "./serialize.ts";
import { contactSql } from "./sql.ts";

export interface ContactPage {
  items: ContactDto[];
  /** The exact count of matching rows the user may read; `null` when asked `withTotal: false`. */
  total: number | null;
  nextCursor: string | null;
}

/**
 * The contacts the user may read, filtered IN THE DATABASE by the Cerbos query plan (the list
 * primitive, authz/query.ts), sorted by a key + id keyset, with the exact total and each row's
 * allowed actions (each flag's plan evaluated in SQL over the page: no CheckResources).
 * `withTotal: false` runs no count statement (a list's costliest, ~9 ms of ~20 at 100k): `total: null`.
 */
export async function listContacts(ctx: AuthzContext, input: ContactListInput): Promise<ContactPage> {
  if (input.organizationId !== undefined) requireMembership(ctx.session, input.organizationId, "Organization");
  const sql = contactSql(ctx.db.sequelize);
  const conditions: WhereOptions[] = [];
  if (input.organizationId !== undefined) conditions.push({ organizationId: input.organizationId });
  if (input.companyId !== undefined) conditions.push({ companyId: input.companyId });
  if (input.isActive !== undefined) conditions.push({ isActive: input.isActive });
  if (input.tag !== undefined) conditions.push(sql.hasTag(input.tag));
  if (input.search) conditions.push(sql.search(input.search));

  const cursor = input.cursor === undefined ? undefined : decodeCursor(input.cursor, input.sortBy, input.sortDir);
  const sortKey = ctx.db.sequelize.literal(sql.sortKey(input.sortBy));
  const direction = input.sortDir.toUpperCase();
  const page = await listKind(ctx, contactKind, {
    where: { [Op.and]: conditions },
    after: cursor && sql.after(input.sortBy, input.sortDir, cursorKey(cursor), cursor.id),
    order: [
      [sortKey, direction],
      ["id", direction],
    ],
    limit: input.limit,
    count: input.withTotal,
    offset: cursor === undefined ? input.offset : undefined,
    // The sort key as the database computes it: the next cursor starts after it.
    attributes: { include: [[sortKey, "sortKey"]] },
    // Tenant isolation's first line (authz/membership.ts) as the page's shape: one statement per
    // organization of the caller, each walking contacts_org_lower_lastName_id (migration 0003) or
    // its firstName twin, merged; the policy denies every other organization anyway.
    partition:
      input.organizationId === undefined && !isAdmin(ctx.session)
        ? { attribute: "organizationId", values: ctx.session.memberships.map((m) => m.organizationId) }
        : undefined,
  });

  const items = page.rows.map((contact, index) => serializeContact(contact, page.can[index]!));
  const last = page.rows.at(-1);
  const key = last?.get("sortKey");
  const nextCursor =
    page.hasMore && last
      ? encodeCursor({
          sortBy: input.sortBy,
          sortDir: input.sortDir,
          key: key instanceof Date ? key.toISOString() : String(key),
          id: last.id,
        })
      : null;
  return { items, total: input.withTotal ? page.count : null, nextCursor };
}
