import { type Model, type ModelStatic, Op, type OrderItem, type ProjectionAlias, type WhereOptions } from "sequelize";
import type { AnyModel } from "../mapper.ts";
import { unionPageKeys, usesUnion } from "./partition.ts";
import { keyText, rowKey, withExtraAttributes, withPrimaryKey } from "./rows.ts";
import type { AuthorizedFindOptions } from "./types.ts";

export interface Page<M extends Model> {
  readonly rows: M[];
  readonly keys: unknown[];
  readonly hasMore: boolean;
}

/**
 * The page: `findAll` with the caller's options, the authorized `where` (and `after`, which
 * restricts the page but not the count), one row more than `limit` to tell whether more follow.
 * With `load`, the query selects only the primary keys and `load` reads those rows (in key
 * order); `include` then serves only to filter and sort (use to-one associations). `extra`
 * (the flags' columns) is selected by the statement that reads the rows by key — the library's
 * own or the loader's — never by the sorted page query.
 */
export async function queryPage<M extends Model>(
  model: ModelStatic<M>,
  primaryKey: string,
  where: WhereOptions | undefined,
  find: AuthorizedFindOptions<M>,
  authorized: WhereOptions | undefined,
  extra: readonly ProjectionAlias[],
): Promise<Page<M>> {
  const { after, load, limit, partition, ...options } = find;
  const pageWhere = after === undefined ? where : where === undefined ? after : { [Op.and]: [where, after] };
  if (usesUnion(model, partition)) {
    return unionPage(model, primaryKey, find, authorized, extra, (pageLimit) =>
      unionPageKeys(model, primaryKey, partition, {
        where: pageWhere,
        order: orderList(find.order),
        limit: pageLimit,
        offset: find.offset,
        transaction: find.transaction,
        logging: find.logging,
      }),
    );
  }
  const query = {
    ...options,
    ...(pageWhere === undefined ? {} : { where: pageWhere }),
    ...(limit === undefined ? {} : { limit: limit + 1 }),
  };
  const found =
    load === undefined
      ? await model.findAll({ ...query, ...attributesOption(withPrimaryKey(find.attributes, primaryKey)) })
      : await model.findAll({ ...query, attributes: [primaryKey], raw: true });
  const hasMore = limit !== undefined && found.length > limit;
  const pageRows = hasMore ? found.slice(0, limit) : found;
  if (load === undefined) return { rows: pageRows, keys: pageRows.map((row) => rowKey(row, primaryKey)), hasMore };
  // A to-many include in a keys-only query repeats a key per joined row: keep the first.
  const keys = [...new Map(pageRows.map((row) => rowKey(row, primaryKey)).map((key) => [keyText(key), key])).values()];
  const loaded =
    keys.length === 0 ? [] : await load(keys, keysWhere(primaryKey, keys, authorized), { attributes: extra });
  const byKey = new Map(loaded.map((row) => [keyText(rowKey(row, primaryKey)), row]));
  const rows = keys.flatMap((key) => byKey.get(keyText(key)) ?? []);
  return { rows, keys: rows.map((row) => rowKey(row, primaryKey)), hasMore };
}

function orderList(order: AuthorizedFindOptions<Model>["order"]): OrderItem[] {
  if (order === undefined) return [];
  if (Array.isArray(order)) return order as OrderItem[];
  return [order as OrderItem];
}

/** The partitioned page: its keys from the merged statements, then its rows by key (in key order). */
async function unionPage<M extends Model>(
  model: ModelStatic<M>,
  primaryKey: string,
  find: AuthorizedFindOptions<M>,
  authorized: WhereOptions | undefined,
  extra: readonly ProjectionAlias[],
  pageKeys: (limit: number) => Promise<unknown[]>,
): Promise<Page<M>> {
  const { limit, load, include } = find;
  if (limit === undefined) throw new Error("partition: the page needs a limit");
  if (include !== undefined) throw new Error("partition: not with include (the statements per value join nothing)");
  const { paranoid, defaultScope } = (model as unknown as AnyModel).options;
  if (Object.keys(defaultScope ?? {}).length > 0 || (paranoid === true && find.paranoid !== false)) {
    throw new Error(
      `partition: ${model.name} has a default scope or is paranoid (the statements per value apply neither)`,
    );
  }
  const found = await pageKeys(limit + 1);
  const hasMore = found.length > limit;
  const keys = hasMore ? found.slice(0, limit) : found;
  const loaded =
    keys.length === 0
      ? []
      : load !== undefined
        ? await load(keys, keysWhere(primaryKey, keys, authorized), { attributes: extra })
        : await model.findAll({
            where: keysWhere(primaryKey, keys, authorized),
            ...attributesOption(withExtraAttributes(withPrimaryKey(find.attributes, primaryKey), extra)),
            ...(find.raw === undefined ? {} : { raw: find.raw }),
            ...(find.nest === undefined ? {} : { nest: find.nest }),
            ...(find.transaction === undefined ? {} : { transaction: find.transaction }),
            ...(find.lock === undefined ? {} : { lock: find.lock }),
            ...(find.paranoid === undefined ? {} : { paranoid: find.paranoid }),
            ...(find.logging === undefined ? {} : { logging: find.logging }),
          });
  const byKey = new Map(loaded.map((row) => [keyText(rowKey(row, primaryKey)), row]));
  const rows = keys.flatMap((key) => byKey.get(keyText(key)) ?? []);
  return { rows, keys: rows.map((row) => rowKey(row, primaryKey)), hasMore };
}

/**
 * The rows of `keys` the principal may still read (`authorized`: the plan's filter, which refers
 * to nothing but the model's own table): the page is read again by key in a second statement,
 * and a row may have changed in between into one the principal may not read.
 */
function keysWhere(primaryKey: string, keys: unknown[], authorized: WhereOptions | undefined): WhereOptions {
  const byKey = { [primaryKey]: { [Op.in]: keys } } as WhereOptions;
  return authorized === undefined ? byKey : { [Op.and]: [byKey, authorized] };
}

function attributesOption(attributes: AuthorizedFindOptions<Model>["attributes"]) {
  return attributes === undefined ? {} : { attributes };
}
