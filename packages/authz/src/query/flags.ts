import { Op, Sequelize, type Transaction } from "sequelize";
import type { AnyModel } from "../mapper.ts";
import { keyText } from "./rows.ts";

export interface FlagQueryOptions {
  readonly transaction?: Transaction | null;
  readonly paranoid?: boolean;
  readonly logging?: boolean | ((sql: string, timing?: number) => void);
}

/**
 * Evaluates each action's SQL condition over the page's rows only: one query by primary key
 * (`WHERE pk IN (…)`, no ORDER BY), so the database evaluates a flag once per returned row,
 * never for every visible row of a sorted scan. A row the query does not return (deleted
 * meanwhile) gets `false` for every flag.
 */
export async function flagsBySql(
  model: AnyModel,
  primaryKey: string,
  keys: readonly unknown[],
  conditions: ReadonlyMap<string, string>,
  options: FlagQueryOptions,
): Promise<Map<string, Record<string, boolean>>> {
  const result = new Map<string, Record<string, boolean>>();
  if (keys.length === 0 || conditions.size === 0) return result;
  const actions = [...conditions.keys()];
  const columns = actions.map((action, index): [ReturnType<typeof Sequelize.literal>, string] => [
    Sequelize.literal(`CASE WHEN ${conditions.get(action)} THEN 1 ELSE 0 END`),
    `authz_flag_${index}`,
  ]);
  const rows = (await model.unscoped().findAll({
    attributes: [primaryKey, ...columns],
    where: { [primaryKey]: { [Op.in]: [...keys] } },
    raw: true,
    ...(options.transaction === undefined ? {} : { transaction: options.transaction }),
    ...(options.paranoid === undefined ? {} : { paranoid: options.paranoid }),
    ...(options.logging === undefined ? {} : { logging: options.logging }),
  })) as unknown as Record<string, unknown>[];
  for (const row of rows) {
    const flags: Record<string, boolean> = {};
    actions.forEach((action, index) => {
      flags[action] = Number(row[`authz_flag_${index}`]) === 1;
    });
    result.set(keyText(row[primaryKey]), flags);
  }
  return result;
}
