import { type Model, type ModelStatic, Op, type WhereOptions } from "sequelize";
import { keyText, rowKey, withPrimaryKey } from "./rows.ts";
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
 * order); `include` then serves only to filter and sort (use to-one associations).
 */
export async function queryPage<M extends Model>(
  model: ModelStatic<M>,
  primaryKey: string,
  where: WhereOptions | undefined,
  find: AuthorizedFindOptions<M>,
): Promise<Page<M>> {
  const { after, load, limit, ...options } = find;
  const pageWhere = after === undefined ? where : where === undefined ? after : { [Op.and]: [where, after] };
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
  const loaded = keys.length === 0 ? [] : await load(keys);
  const byKey = new Map(loaded.map((row) => [keyText(rowKey(row, primaryKey)), row]));
  const rows = keys.flatMap((key) => byKey.get(keyText(key)) ?? []);
  return { rows, keys: rows.map((row) => rowKey(row, primaryKey)), hasMore };
}

function attributesOption(attributes: AuthorizedFindOptions<Model>["attributes"]) {
  return attributes === undefined ? {} : { attributes };
}
