import { Op, type WhereOptions } from "sequelize";
import { z } from "zod";
import { PlanKind } from "../authz/adapter.ts";
import { type AuthzContext, checkResources } from "../authz/check.ts";
import { contactMapper, resourceKinds } from "../authz/mappers.ts";
import { requireMembership } from "../authz/membership.ts";
import { planFilter } from "../authz/plan.ts";
import { contactResource } from "../authz/resources.ts";
import type { Context } from "../context.ts";
import { rowId, tagName, text } from "../validation.ts";
import { cursorKey, decodeCursor, encodeCursor } from "./cursor.ts";
import { findContacts } from "./include.ts";
import { type ContactDto, contactActions, serializeContact } from "./serialize.ts";
import { contactSql, sortFields } from "./sql.ts";

export const contactListInput = z
  .object({
    organizationId: rowId.optional(),
    search: text({ max: 100, trim: true }).optional(),
    companyId: rowId.optional(),
    isActive: z.boolean().optional(),
    tag: tagName.optional(),
    sortBy: z.enum(sortFields).default("lastName"),
    sortDir: z.enum(["asc", "desc"]).default("asc"),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: z.string().min(1).max(1000).optional(),
    offset: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((input) => input.cursor === undefined || input.offset === undefined, {
    message: "Give a cursor or an offset, not both.",
    path: ["cursor"],
  })
  .prefault({});

export type ContactListInput = z.infer<typeof contactListInput>;

export interface ContactPage {
  items: ContactDto[];
  total: number;
  nextCursor: string | null;
}

/**
 * The contacts the user may read, filtered IN THE DATABASE by the Cerbos query plan (translated
 * by @repo/authz through the same mapper single checks use), then the page's allowed actions
 * from ONE batched CheckResources call.
 */
export async function listContacts(ctx: Context & AuthzContext, input: ContactListInput): Promise<ContactPage> {
  const { Contact } = ctx.db.models;
  if (input.organizationId !== undefined) requireMembership(ctx.session, input.organizationId, "Organization");

  const filter = await planFilter(ctx, {
    kind: resourceKinds.contact,
    action: "read",
    model: Contact,
    mapper: contactMapper,
  });
  if (filter.kind === PlanKind.ALWAYS_DENIED) return { items: [], total: 0, nextCursor: null };

  const sql = contactSql(ctx.db.sequelize);
  const conditions: WhereOptions[] = [filter.where];
  if (input.organizationId !== undefined) conditions.push({ organizationId: input.organizationId });
  if (input.companyId !== undefined) conditions.push({ companyId: input.companyId });
  if (input.isActive !== undefined) conditions.push({ isActive: input.isActive });
  if (input.tag !== undefined) conditions.push(sql.hasTag(input.tag));
  if (input.search) conditions.push(sql.search(input.search));
  const where: WhereOptions = { [Op.and]: conditions };

  const pageConditions = [...conditions];
  if (input.cursor !== undefined) {
    const cursor = decodeCursor(input.cursor, input.sortBy, input.sortDir);
    pageConditions.push(sql.after(input.sortBy, input.sortDir, cursorKey(cursor), cursor.id));
  }
  const sortKey = ctx.db.sequelize.literal(sql.sortKey(input.sortBy));
  const direction = input.sortDir.toUpperCase();

  const [total, keys] = await Promise.all([
    Contact.count({ where }),
    Contact.findAll({
      attributes: ["id", [sortKey, "sortKey"]],
      where: { [Op.and]: pageConditions },
      order: [
        [sortKey, direction],
        ["id", direction],
      ],
      limit: input.limit + 1,
      offset: input.cursor === undefined ? input.offset : undefined,
      raw: true,
    }) as unknown as Promise<{ id: number; sortKey: string | number | Date }[]>,
  ]);

  const pageKeys = keys.slice(0, input.limit);
  const rows = pageKeys.length ? await findContacts(ctx.db, { id: pageKeys.map((key) => key.id) }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = pageKeys.flatMap((key) => byId.get(key.id) ?? []);

  const items: ContactDto[] = [];
  if (ordered.length > 0) {
    const decisions = await checkResources(
      ctx,
      ordered.map((contact) => ({ resource: contactResource(contact), actions: [...contactActions] })),
    );
    ordered.forEach((contact, index) => {
      const result = decisions.results[index];
      const allowed = {
        read: result?.isAllowed("read") === true,
        update: result?.isAllowed("update") === true,
        delete: result?.isAllowed("delete") === true,
      };
      // The plan said readable; if the check disagrees, the row is withheld (fail closed).
      if (!allowed.read) {
        ctx.log.error({ contactId: contact.id }, "query plan and CheckResources disagree on read: row withheld");
        return;
      }
      items.push(serializeContact(contact, allowed));
    });
  }

  const last = pageKeys[pageKeys.length - 1];
  const nextCursor =
    keys.length > input.limit && last
      ? encodeCursor({
          sortBy: input.sortBy,
          sortDir: input.sortDir,
          key: last.sortKey instanceof Date ? last.sortKey.toISOString() : String(last.sortKey),
          id: last.id,
        })
      : null;
  return { items, total, nextCursor };
}
