import { Op, type ProjectionAlias, Sequelize, type Transaction } from "sequelize";
import type { AnyModel } from "../mapper.ts";
import { keyText, rowKey } from "./rows.ts";

export interface FlagQueryOptions {
  readonly transaction?: Transaction | null;
  readonly paranoid?: boolean;
  readonly logging?: boolean | ((sql: string, timing?: number) => void);
}

/** Flags per row, by the row's key as text. */
export type FlagsByKey = Map<string, Record<string, boolean>>;

const flagAlias = (index: number) => `authz_flag_${index}`;

/**
 * Each action's SQL condition as a select item, `CASE WHEN … THEN 1 ELSE 0 END AS authz_flag_i`
 * (in the order of `conditions`). Only for statements that read rows by key: in a sorted scan
 * the database would evaluate it for every visible row.
 */
export function flagColumns(conditions: ReadonlyMap<string, string>): ProjectionAlias[] {
  return [...conditions.values()].map((sql, index) => [
    Sequelize.literal(`CASE WHEN ${sql} THEN 1 ELSE 0 END`),
    flagAlias(index),
  ]);
}

/**
 * The flags that came with the page's rows (a by-key statement that selected `flagColumns`),
 * taken off the rows so that they do not show in `get()` or `toJSON()`. `undefined` when a row
 * lacks one (a loader that did not select them): the caller then asks `flagsBySql`.
 */
export function takeFlags(
  rows: readonly unknown[],
  primaryKey: string,
  actions: readonly string[],
): FlagsByKey | undefined {
  const values = rows.map((row) => valuesOf(row));
  if (values.some((fields) => actions.some((_action, index) => fields[flagAlias(index)] === undefined)))
    return undefined;
  const result: FlagsByKey = new Map();
  rows.forEach((row, rowIndex) => {
    const fields = values[rowIndex]!;
    result.set(keyText(rowKey(row, primaryKey)), decodeFlags(fields, actions));
    const previous = (row as { _previousDataValues?: Record<string, unknown> })._previousDataValues;
    for (const target of previous === undefined ? [fields] : [fields, previous]) {
      for (let index = 0; index < actions.length; index++) delete target[flagAlias(index)];
    }
  });
  return result;
}

/** A row's flag columns (1 or 0) as booleans, by action. */
function decodeFlags(fields: Record<string, unknown>, actions: readonly string[]): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  actions.forEach((action, index) => {
    flags[action] = Number(fields[flagAlias(index)]) === 1;
  });
  return flags;
}

/** A row's fields: an instance's dataValues, or the raw object itself. */
function valuesOf(row: unknown): Record<string, unknown> {
  const dataValues = (row as { dataValues?: Record<string, unknown> } | null)?.dataValues;
  return dataValues ?? (row as Record<string, unknown>);
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
): Promise<FlagsByKey> {
  const result: FlagsByKey = new Map();
  if (keys.length === 0 || conditions.size === 0) return result;
  const actions = [...conditions.keys()];
  const rows = (await model.unscoped().findAll({
    attributes: [primaryKey, ...flagColumns(conditions)],
    where: { [primaryKey]: { [Op.in]: [...keys] } },
    raw: true,
    ...(options.transaction === undefined ? {} : { transaction: options.transaction }),
    ...(options.paranoid === undefined ? {} : { paranoid: options.paranoid }),
    ...(options.logging === undefined ? {} : { logging: options.logging }),
  })) as unknown as Record<string, unknown>[];
  for (const row of rows) result.set(keyText(row[primaryKey]), decodeFlags(row, actions));
  return result;
}
