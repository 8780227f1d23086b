import { and, FALSE, or, TRUE } from "../sql.ts";
import type { Cond, Scalar } from "./types.ts";

/*
 * Comparisons of MariaDB's classed doubles (compile/ieee-values.ts): a computed double whose
 * SQL NULL is NaN or ±Infinity, told apart by its infinity class. Ordered by (class, value):
 * -Infinity < every number < +Infinity; NaN compares false, except `!=`, which is true.
 */

type Ordering = "lt" | "le" | "gt" | "ge";

export const isClassed = (a: Scalar, b: Scalar): boolean => a.classed !== undefined || b.classed !== undefined;

const signOf = (s: Scalar): string => s.classed?.sign ?? "0";

/** A number (no NaN) and not a CEL null. */
function defined(s: Scalar): string {
  if (s.classed !== undefined) return `(${s.sql} IS NOT NULL OR ${s.classed.sign} <> 0)`;
  return s.nullable || s.nanNull === true ? `(${s.sql} IS NOT NULL)` : TRUE;
}

/** A NaN (a CEL null excluded). */
function isNaNSql(s: Scalar): string {
  if (s.classed !== undefined) return `(${s.sql} IS NULL AND ${s.classed.sign} = 0)`;
  return s.nanNull === true ? `(${s.sql} IS NULL)` : FALSE;
}

/** A NaN or a CEL null: equal to no number. */
function nanOrNull(s: Scalar): string {
  if (s.classed !== undefined) return isNaNSql(s);
  return s.nullable || s.nanNull === true ? `(${s.sql} IS NULL)` : FALSE;
}

/** CEL `==` on numbers of which at least one is classed. */
export function classedEquality(a: Scalar, b: Scalar, ok: string): Cond {
  const [sa, sb] = [signOf(a), signOf(b)];
  return {
    t: and(ok, `(${sa} = ${sb})`, or(`(${sa} <> 0)`, `(${a.sql} = ${b.sql})`)),
    f: and(ok, or(nanOrNull(a), nanOrNull(b), `(${sa} <> ${sb})`, `(${a.sql} <> ${b.sql})`)),
  };
}

function holds(a: Scalar, b: Scalar, operator: Ordering): string {
  const [sa, sb] = [signOf(a), signOf(b)];
  const byClass = and(
    operator === "lt" || operator === "le" ? `(${sa} < ${sb})` : `(${sa} > ${sb})`,
    defined(a),
    defined(b),
  );
  const sameInfinity = operator === "le" || operator === "ge" ? `(${sa} = ${sb} AND ${sa} <> 0)` : FALSE;
  const symbol = { lt: "<", le: "<=", gt: ">", ge: ">=" }[operator];
  return or(byClass, sameInfinity, `(${sa} = 0 AND ${sb} = 0 AND ${a.sql} ${symbol} ${b.sql})`);
}

const COMPLEMENT: Record<Ordering, Ordering> = { lt: "ge", le: "gt", gt: "le", ge: "lt" };

/** CEL `<` etc. on numbers of which at least one is classed; a NaN orders false unless the other side is a CEL null. */
export function classedOrdering(a: Scalar, b: Scalar, operator: Ordering, ok: string): Cond {
  const notNull = (s: Scalar) => (s.nullable ? `(${s.sql} IS NOT NULL)` : TRUE);
  const nanFails = or(and(isNaNSql(a), notNull(b)), and(isNaNSql(b), notNull(a)));
  return { t: and(ok, holds(a, b, operator)), f: and(ok, or(holds(a, b, COMPLEMENT[operator]), nanFails)) };
}

/** The classed result of a conditional between two numbers, one of them classed. */
export function classedChoice(choose: (a: string, b: string) => string, a: Scalar, b: Scalar): Scalar["classed"] {
  if (!isClassed(a, b)) return undefined;
  const pairOf = (s: Scalar) => s.classed?.pair ?? `JSON_ARRAY(${s.sql}, 0)`;
  return { sign: choose(signOf(a), signOf(b)), pair: choose(pairOf(a), pairOf(b)) };
}
