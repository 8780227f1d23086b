import {
  type Model,
  type ModelStatic,
  Op,
  type OrderItem,
  QueryTypes,
  type Sequelize,
  type Transaction,
  Utils,
  type WhereOptions,
} from "sequelize";
import type { AnyModel } from "../mapper.ts";
import type { PagePartition } from "./types.ts";

interface SelectQueryGenerator {
  selectQuery(table: string, options: object, model: unknown): string;
}

/** `partition` resolved for one call: whether the page is one statement per value, merged. */
export function usesUnion(model: AnyModel, partition: PagePartition | undefined): partition is PagePartition {
  if (partition === undefined || partition.values.length < 2) return false;
  const strategy = partition.strategy ?? "auto";
  if (strategy === "single") return false;
  return strategy === "union" || model.sequelize?.getDialect() === "sqlite";
}

/** The filter a partition adds to the page and the count: its attribute is one of its values. */
export function partitionWhere(partition: PagePartition): WhereOptions {
  return { [partition.attribute]: { [Op.in]: [...partition.values] } };
}

interface SortTerm {
  /** The arm's select item: the expression under an alias the merge orders by. */
  readonly select: [string | ReturnType<typeof Sequelize.literal>, string];
  readonly alias: string;
  readonly direction: "ASC" | "DESC";
}

function sortTerms(model: AnyModel, order: readonly OrderItem[]): SortTerm[] {
  return order.map((item, index) => {
    const [expression, direction = "ASC"] = Array.isArray(item) ? item : [item];
    const dir = String(direction).toUpperCase();
    if (dir !== "ASC" && dir !== "DESC") {
      throw new Error(`partition: the sort direction ${String(direction)} is not ASC or DESC`);
    }
    const alias = `authz_o${index}`;
    if (typeof expression === "string") {
      const attribute = model.getAttributes()[expression];
      if (attribute === undefined) throw new Error(`partition: ${model.name} has no attribute ${expression}`);
      return { select: [attribute.field ?? expression, alias], alias, direction: dir };
    }
    if (expression instanceof Utils.SequelizeMethod) {
      return { select: [expression as ReturnType<typeof Sequelize.literal>, alias], alias, direction: dir };
    }
    throw new Error("partition: order items are attribute names or Sequelize expressions (literal, fn, col)");
  });
}

export interface UnionPageOptions {
  readonly where: WhereOptions | undefined;
  readonly order: readonly OrderItem[];
  /** Rows to return (the caller's limit + 1); undefined: every row. */
  readonly limit: number | undefined;
  readonly offset: number | undefined;
  readonly transaction?: Transaction | null;
  readonly logging?: boolean | ((sql: string, timing?: number) => void);
}

/**
 * The page's primary keys as one statement per partition value, each sorted by `order` and
 * LIMITed to what the page can use (limit + offset), merged by a compound ORDER BY … LIMIT:
 * each arm can walk an index that starts with the partition attribute, where one statement
 * over `attribute IN (…)` sorts every visible row (SQLite). The same rows in the same order as
 * the single statement when `order` is total (ends with the primary key).
 */
export async function unionPageKeys<M extends Model>(
  model: ModelStatic<M>,
  primaryKey: string,
  partition: PagePartition,
  options: UnionPageOptions,
): Promise<unknown[]> {
  const root = model as unknown as AnyModel;
  const sequelize = root.sequelize!;
  if (options.order.length === 0) throw new Error("partition: the page needs an order");
  const queryInterface = sequelize.getQueryInterface();
  const q = (name: string) => queryInterface.quoteIdentifier(name);
  const generator = queryInterface.queryGenerator as unknown as SelectQueryGenerator;
  const terms = sortTerms(root, options.order);
  const keyField = root.getAttributes()[primaryKey]?.field ?? primaryKey;
  const armOrder = (prefix: string) => terms.map((term) => `${prefix}${q(term.alias)} ${term.direction}`).join(", ");
  const armLimit = options.limit === undefined ? undefined : options.limit + (options.offset ?? 0);
  const arms = partition.values.map((value, index) => {
    const where: WhereOptions = {
      [Op.and]: [...(options.where === undefined ? [] : [options.where]), { [partition.attribute]: value }],
    };
    const mapped = Utils.mapOptionFieldNames({ where, attributes: [] }, root as never) as { where: WhereOptions };
    const select = generator
      .selectQuery(
        root.getTableName() as string,
        {
          attributes: [[keyField, "authz_key"], ...terms.map((term) => term.select)],
          where: mapped.where,
          tableAs: root.name,
        },
        root,
      )
      .replace(/;\s*$/, "");
    const limited = armLimit === undefined ? "" : ` LIMIT ${armLimit}`;
    return `SELECT * FROM (${select} ORDER BY ${armOrder("")}${limited}) AS ${q(`authz_p${index}`)}`;
  });
  const limit = options.limit === undefined ? "" : ` LIMIT ${options.limit}`;
  const offset = options.offset ? ` OFFSET ${options.offset}` : "";
  const sql = `${arms.join(" UNION ALL ")} ORDER BY ${armOrder("")}${limit}${offset}`;
  const rows = await sequelize.query<Record<string, unknown>>(sql, {
    type: QueryTypes.SELECT,
    ...(options.transaction === undefined ? {} : { transaction: options.transaction }),
    ...(options.logging === undefined ? {} : { logging: options.logging }),
  });
  return rows.map((row) => row.authz_key);
}
