import type { Hop } from "../mapper.ts";
import { and, exists } from "../sql.ts";
import { type Context, freshAlias } from "./types.ts";

export interface JoinChain {
  /** FROM clause body (tables with aliases and inner joins). */
  readonly from: string;
  /** Correlation of the first hop with the outer row. */
  readonly where: string;
  /** Alias of the last hop's target. */
  readonly alias: string;
  /** Whether the chain reaches a row: EXISTS of the joined rows, a hasOne hop with exactly one row. */
  readonly present: string;
  /** Whether any joined row exists (a hasOne with several rows included). */
  readonly reachable: string;
}

/** Builds the joins for a chain of associations, correlated with `baseAlias` (never a JOIN on the outer query). */
export function joinChain(context: Context, baseAlias: string, hops: readonly Hop[]): JoinChain {
  const { dialect } = context;
  const q = dialect.quote;
  let from = "";
  let where = "";
  const unique: string[] = [];
  let previous = baseAlias;
  for (const hop of hops) {
    const alias = freshAlias(context, "t");
    const target = `${dialect.table(hop.target)} AS ${alias}`;
    if (hop.kind === "direct") {
      const link = `${alias}.${q(hop.targetField)} = ${previous}.${q(hop.sourceField)}`;
      if (from === "") {
        from = target;
        where = `(${link})`;
      } else {
        from += ` INNER JOIN ${target} ON ${link}`;
      }
      // A hasOne with a second row has no single value: the hop then counts as absent (never a match).
      if (hop.hasOne) {
        const other = freshAlias(context, "u");
        const count = `(SELECT COUNT(*) FROM ${dialect.table(hop.target)} AS ${other} WHERE ${other}.${q(hop.targetField)} = ${previous}.${q(hop.sourceField)})`;
        unique.push(`(${count} = 1)`);
      }
    } else {
      const junction = freshAlias(context, "j");
      const throughTable = `${dialect.table(hop.through)} AS ${junction}`;
      const toTarget = `${alias}.${q(hop.targetField)} = ${junction}.${q(hop.throughTargetField)}`;
      const fromSource = `${junction}.${q(hop.throughSourceField)} = ${previous}.${q(hop.sourceField)}`;
      if (from === "") {
        from = `${throughTable} INNER JOIN ${target} ON ${toTarget}`;
        where = `(${fromSource})`;
      } else {
        from += ` INNER JOIN ${throughTable} ON ${fromSource} INNER JOIN ${target} ON ${toTarget}`;
      }
    }
    previous = alias;
  }
  const present = from === "" ? "(1=1)" : exists(from, and(where, ...unique));
  const reachable = unique.length === 0 ? present : exists(from, where);
  return { from, where, alias: previous, present, reachable };
}
