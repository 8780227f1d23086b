import type { Database } from "@repo/api/unstable-internals-do-not-import";
import { Op, QueryTypes, type WhereOptions } from "sequelize";
import type { Filter } from "../list/operations.ts";

/** apps/api's contacts list asks for one row more than the page, to know whether a next page exists. */
export const keysLimit = 51;

interface PageKey {
  id: number;
  sortKey: string;
}

/** apps/api's sort key for lastName (src/contacts/sql.ts), which migrations 0002 and 0003 index. */
const sortKeySql = (db: Database) =>
  db.dialect === "postgres" ? `(lower("Contact"."lastName") COLLATE "C")` : `lower("Contact"."lastName")`;

function conditions(filter: Filter, extra: readonly WhereOptions[]): WhereOptions {
  const where = filter.kind === "where" && filter.where !== undefined ? [filter.where] : [];
  return { [Op.and]: [...where, ...extra] };
}

/**
 * The statement that sorts in apps/api's contacts list today (src/contacts/list.ts): the page's
 * ids and sort keys, by lower(lastName), id, through Contact.findAll(raw); rows are hydrated by id
 * afterwards.
 */
export async function keysToday(db: Database, filter: Filter, extra: readonly WhereOptions[] = []): Promise<number[]> {
  if (filter.kind === "denied") return [];
  const sortKey = db.sequelize.literal(sortKeySql(db));
  const rows = (await db.models.Contact.findAll({
    attributes: ["id", [sortKey, "sortKey"]],
    where: conditions(filter, extra),
    order: [
      [sortKey, "ASC"],
      ["id", "ASC"],
    ],
    limit: keysLimit,
    raw: true,
  })) as unknown as PageKey[];
  return rows.map((row) => row.id);
}

interface SelectQueryGenerator {
  selectQuery(table: string, options: object, model: unknown): string;
}

/** The proposed shape's SQL: one arm per organization, merged by a compound ORDER BY … LIMIT. */
export function unionSql(db: Database, filter: Filter, organizationIds: readonly number[]): string {
  const { Contact } = db.models;
  const generator = db.sequelize.getQueryInterface().queryGenerator as unknown as SelectQueryGenerator;
  const sortKey = db.sequelize.literal(sortKeySql(db));
  const arms = organizationIds.map((organizationId) =>
    generator
      .selectQuery(
        "contacts",
        {
          attributes: ["id", [sortKey, "sortKey"]],
          where: conditions(filter, [{ organizationId }]),
          tableAs: "Contact",
        },
        Contact,
      )
      .replace(/;\s*$/, ""),
  );
  const q = (name: string) => db.sequelize.getQueryInterface().quoteIdentifier(name);
  return `${arms.join(" UNION ALL ")} ORDER BY ${q("sortKey")} ASC, ${q("id")} ASC LIMIT ${keysLimit}`;
}

/**
 * The proposed shape for a user whose rows all lie in their organizations (tenant isolation):
 * the same page as keysToday, from one index range per organization (index organizationId,
 * lower(lastName), id of migration 0003), merged without sorting the visible rows.
 */
export async function keysByOrganization(
  db: Database,
  filter: Filter,
  organizationIds: readonly number[],
): Promise<number[]> {
  if (filter.kind === "denied" || organizationIds.length === 0) return [];
  const rows = await db.sequelize.query<PageKey>(unionSql(db, filter, organizationIds), { type: QueryTypes.SELECT });
  return rows.map((row) => row.id);
}
