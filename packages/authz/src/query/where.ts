import { type Includeable, Op, Sequelize, type WhereOptions } from "sequelize";

/** The authorization condition AND-ed with the caller's `where` (never OR-ed). */
export function andWhere(sql: string | undefined, where: WhereOptions | undefined): WhereOptions | undefined {
  if (sql === undefined) return where;
  const authorized = Sequelize.literal(`(${sql})`);
  return where === undefined ? authorized : { [Op.and]: [authorized, where] };
}

/** Both conditions (either may be absent). */
export function andAll(first: WhereOptions | undefined, second: WhereOptions): WhereOptions {
  return first === undefined ? second : { [Op.and]: [first, second] };
}

/**
 * The includes the count needs: all but `separate` ones (those are extra queries that never
 * filter the root rows). The count is `COUNT(DISTINCT pk)`, so joins never inflate it.
 */
export function countIncludes(include: Includeable | Includeable[] | undefined): Includeable[] | undefined {
  if (include === undefined) return undefined;
  const list = Array.isArray(include) ? include : [include];
  const kept = list.filter((item) => !(typeof item === "object" && "separate" in item && item.separate === true));
  return kept.length === 0 ? undefined : kept;
}
