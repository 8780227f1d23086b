import type { PlanResourcesResponse, Principal } from "@cerbos/core";
import { contactMapper, type Database, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import { PlanKind, queryPlanToSequelize } from "@repo/authz";
import { Op, QueryTypes, type WhereOptions } from "sequelize";
import { type HandWhere, orderSql, selectColumnsSql } from "./hand-sql.ts";

export const pageSize = 50;

/** What a list call returns, reduced to what the three ways must agree on. */
export interface ListOutcome {
  ids: number[];
  total: number;
}

export type Filter = { kind: "denied" } | { kind: "where"; where: WhereOptions | undefined };

export async function planContactRead(pdp: Pdp, principal: Principal): Promise<PlanResourcesResponse> {
  const plan = await pdp.planResources({ principal, resource: { kind: "contact" }, action: "read" });
  if (plan.validationErrors.length > 0)
    throw new Error(`plan validation errors: ${JSON.stringify(plan.validationErrors)}`);
  return plan;
}

export function translate(db: Database, queryPlan: PlanResourcesResponse): Filter {
  const result = queryPlanToSequelize({ queryPlan, model: db.models.Contact, mapper: contactMapper });
  if (result.kind === PlanKind.ALWAYS_DENIED) return { kind: "denied" };
  return { kind: "where", where: result.kind === PlanKind.CONDITIONAL ? result.where : undefined };
}

/**
 * The page's order: the API's (lower(lastName), id) or, for the side-by-side with Prisma, whose
 * orderBy cannot take lower(), plain (lastName, id). The generated last names are capitalized
 * words, so both give the same page.
 */
export type PageOrder = "api" | "plain";

/** (c) through Sequelize: one sorted page of model instances (`raw`: plain objects) and the exact total. */
export async function sequelizePage(
  db: Database,
  filter: Filter,
  sort: PageOrder = "api",
  raw = false,
): Promise<ListOutcome> {
  if (filter.kind === "denied") return { ids: [], total: 0 };
  const { Contact } = db.models;
  const where: WhereOptions = filter.where === undefined ? {} : { [Op.and]: [filter.where] };
  const rows = await Contact.findAll({
    where,
    order: [
      sort === "api" ? [db.sequelize.literal(`lower("Contact"."lastName")`), "ASC"] : ["lastName", "ASC"],
      ["id", "ASC"],
    ],
    limit: pageSize,
    raw,
  });
  const total = await Contact.count({ where });
  return { ids: rows.map((row) => row.id), total };
}

/** (c) by hand: the same page and total, SQL written by hand, on the same connection. */
export async function handPage(db: Database, hand: HandWhere, sort: PageOrder = "api"): Promise<ListOutcome> {
  const order = sort === "api" ? orderSql : `"Contact"."lastName" ASC, "Contact"."id" ASC`;
  const where = hand.sql === undefined ? "" : ` WHERE ${hand.sql}`;
  const rows = await db.sequelize.query<{ id: number }>(
    `SELECT ${selectColumnsSql} FROM "contacts" AS "Contact"${where} ORDER BY ${order} LIMIT ${pageSize}`,
    { replacements: hand.replacements, type: QueryTypes.SELECT },
  );
  const [count] = await db.sequelize.query<{ total: number }>(
    `SELECT count(*) AS "total" FROM "contacts" AS "Contact"${where}`,
    { replacements: hand.replacements, type: QueryTypes.SELECT },
  );
  return { ids: rows.map((row) => row.id), total: Number(count?.total ?? Number.NaN) };
}

export function sameOutcome(a: ListOutcome, b: ListOutcome): boolean {
  return a.total === b.total && a.ids.length === b.ids.length && a.ids.every((id, index) => id === b.ids[index]);
}

export function describeOutcome(outcome: ListOutcome): string {
  return `total ${outcome.total}, first ids ${outcome.ids.slice(0, 5).join(",")}`;
}
