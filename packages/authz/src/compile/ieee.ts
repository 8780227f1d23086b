import { finish, productErrorPositive, scaled } from "./ieee-scale.ts";
import {
  type BindOperand,
  bind,
  boundValue,
  type Codec,
  cases,
  codecOf,
  finite,
  literal,
  type Num,
  type Ref,
  signed,
  type Val,
} from "./ieee-values.ts";
import type { Context } from "./types.ts";

export { literal, type Num } from "./ieee-values.ts";

/*
 * CEL doubles computed without ever asking the database for a NaN, an overflow or an underflow
 * to zero (Postgres raises on all three, MariaDB on overflow; SQLite and MariaDB return NULL for
 * x/0): every case is decided by CASE on the operands' magnitudes first.
 */

const P = (n: number) => 2 ** n;

/** Decimal literals of the powers of two and bounds used below; they parse to exactly these doubles. */
export const IEEE_CONSTANTS: readonly number[] = [
  P(511),
  P(-511),
  P(600),
  P(-600),
  P(1022),
  P(1023),
  P(-1000),
  P(424),
  P(-176),
  P(-422),
  P(-475),
  P(178),
  P(125),
  134217729,
];

/** A bound result as a Num: nan and infinite as the operation says. */
function toNum(bound: ReturnType<typeof bind>, nan: boolean, negZero: (sql: string) => () => string): Num {
  const { v, classed } = boundValue(bound);
  return { sql: v, nan, infinite: true, negZero: negZero(v), classed };
}

export function neg(context: Context, a: Num): Num {
  const negZero = (sql: string) => () => `((${sql}) = 0 AND NOT ${a.negZero()})`;
  if (a.classed === undefined) {
    return { sql: `(- ${a.sql})`, nan: a.nan, infinite: a.infinite, negZero: negZero(a.sql) };
  }
  const bound = bind(context, { x: { num: a } }, (r) => ({ v: `(- ${r("x").v})`, c: `(- ${r("x").c})` }));
  return { ...toNum(bound, a.nan, () => negZero(a.sql)), infinite: a.infinite };
}

/** `a + b`: exact for |a|,|b| ≤ 2^1022; beyond, halves (exact there) decide the overflow to ±Infinity. */
export function add(context: Context, a: Num, b: Num): Num {
  const { dialect } = context;
  const codec = codecOf(dialect);
  const L = (n: number) => literal(dialect, n);
  const bound = bind(context, { x: { num: a }, y: { num: b } }, (r) => {
    const [x, y] = [r("x"), r("y")];
    const half = `(${x.v} / 2 + ${y.v} / 2)`;
    const branches: [string, Val][] = [];
    if (a.nan || b.nan) branches.push([`${codec.isNaN(x)} OR ${codec.isNaN(y)}`, codec.nan]);
    const infinite = a.infinite || b.infinite;
    const infinities: [string, Val][] = [
      [`${codec.isPosInf(x)} OR ${codec.isPosInf(y)}`, codec.posInf],
      [`${codec.isNegInf(x)} OR ${codec.isNegInf(y)}`, codec.negInf],
    ];
    if (infinite) {
      const opposite = `(${codec.isPosInf(x)} AND ${codec.isNegInf(y)}) OR (${codec.isNegInf(x)} AND ${codec.isPosInf(y)})`;
      branches.push([opposite, codec.nan]);
      // Classed, an infinite operand's value is NULL: decide it before any test of magnitudes.
      if (codec.classed) branches.push(...infinities);
    }
    const sum = finite(`${x.v} + ${y.v}`);
    branches.push([`abs(${x.v}) <= ${L(P(1022))} AND abs(${y.v}) <= ${L(P(1022))}`, sum]);
    // A tiny operand cannot overflow the sum, and halving it could underflow (Postgres raises).
    branches.push([`abs(${x.v}) < ${L(P(-1000))} OR abs(${y.v}) < ${L(P(-1000))}`, sum]);
    if (infinite && !codec.classed) branches.push(...infinities);
    branches.push([`${half} >= ${L(P(1023))}`, codec.posInf], [`${half} <= - ${L(P(1023))}`, codec.negInf]);
    return cases(codec, branches, finite(`${half} * 2`));
  });
  const negZero = () => () => `(${a.negZero()} AND ${b.negZero()})`;
  return toNum(bound, a.nan || b.nan || (a.infinite && b.infinite), negZero);
}

/** Negative, or a negative zero (-Infinity included when classed). */
function negative(a: Num): string {
  const infinite = a.classed === undefined ? "" : ` OR ${a.classed.sign} = -1`;
  return `((${a.sql}) < 0${infinite} OR ${a.negZero()})`;
}

/**
 * NaN, infinite and zero operands, decided before any arithmetic. Inside, signs are the values'
 * (a nonzero value's sign), except a zero divisor's, which is the bound column `nz`.
 */
function special(codec: Codec, a: Num, b: Num, x: Ref, y: Ref, divisorNegZero: string | undefined): [string, Val][] {
  const branches: [string, Val][] = [];
  if (a.nan || b.nan) branches.push([`${codec.isNaN(x)} OR ${codec.isNaN(y)}`, codec.nan]);
  const sameByValue = `(${codec.below0(x)} = ${codec.below0(y)})`;
  const infinity = (same: string) => signed(codec, same, codec.posInf, codec.negInf);
  if (divisorNegZero !== undefined) {
    branches.push([`${x.v} = 0 AND ${y.v} = 0`, codec.nan]);
    if (a.infinite && b.infinite) branches.push([`${codec.isInf(x)} AND ${codec.isInf(y)}`, codec.nan]);
    branches.push([`${y.v} = 0`, infinity(`(${codec.below0(x)} = ${divisorNegZero})`)]);
    if (a.infinite) branches.push([codec.isInf(x), infinity(sameByValue)]);
    if (b.infinite) branches.push([codec.isInf(y), signed(codec, sameByValue, finite("0.0"), finite("(- 0.0)"))]);
    branches.push([`${x.v} = 0`, finite(`${x.v} / ${y.v}`)]);
  } else {
    if (a.infinite || b.infinite) {
      const zeroTimesInfinity = `(${codec.isInf(x)} AND ${y.v} = 0) OR (${x.v} = 0 AND ${codec.isInf(y)})`;
      branches.push([zeroTimesInfinity, codec.nan]);
      branches.push([`${codec.isInf(x)} OR ${codec.isInf(y)}`, infinity(sameByValue)]);
    }
    branches.push([`${x.v} = 0 OR ${y.v} = 0`, finite(`${x.v} * ${y.v}`)]);
  }
  return branches;
}

function productOrQuotient(context: Context, a: Num, b: Num, division: boolean): Num {
  const { dialect } = context;
  const codec = codecOf(dialect);
  const operands: Record<string, BindOperand> = { x: { num: a }, y: { num: b } };
  if (division) operands.nz = { sql: b.negZero(), type: "integer" };
  const bound = bind(context, operands, (r) => {
    const [x, y] = [r("x"), r("y")];
    const [sx, sy] = [scaled(dialect, x.v), scaled(dialect, y.v)];
    const direct = division ? `${x.v} / ${y.v}` : `${x.v} * ${y.v}`;
    const divisorNegZero = division ? `(${r("nz").v} = ${dialect.escape(true)})` : undefined;
    // The scaled operands, their product or quotient and its power-of-two scale, bound once more.
    const scaledResult = bind(
      context,
      {
        q: { sql: division ? `(${sx.value} / ${sy.value})` : `(${sx.value} * ${sy.value})`, type: "double" },
        k: {
          sql: division ? `(${sx.exponent} - ${sy.exponent})` : `(${sx.exponent} + ${sy.exponent})`,
          type: "integer",
        },
        sx: { sql: sx.value, type: "double" },
        sy: { sql: sy.value, type: "double" },
      },
      (s) => {
        // A scaled result of exactly half the smallest subnormal: whether the exact one is above decides 0 or 2^-1074.
        const above = (tie: number) =>
          division
            ? `abs(${s("sx").v}) > ${literal(dialect, tie)} * abs(${s("sy").v})`
            : productErrorPositive(dialect, `abs(${s("sx").v})`, `abs(${s("sy").v})`);
        return finish(codec, dialect, s("q").v, s("k").v, direct, above);
      },
    );
    return cases(codec, special(codec, a, b, x, y, divisorNegZero), boundValue(scaledResult));
  });
  const negZero = (sql: string) => () => `((${sql}) = 0 AND NOT ((${negative(a)}) = (${negative(b)})))`;
  const nan = division || a.nan || b.nan || a.infinite || b.infinite;
  return toNum(bound, nan, negZero);
}

export const mult = (context: Context, a: Num, b: Num): Num => productOrQuotient(context, a, b, false);
export const div = (context: Context, a: Num, b: Num): Num => productOrQuotient(context, a, b, true);
