import type { Dialect } from "../dialect.ts";
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
 * Scales x to xs in (2^-511, 2^511] (x = xs · 2^(600·c), c ∈ {-1, 0, 1}) so that products and
 * quotients of scaled values are normal doubles; `c` is returned as a second column.
 */
function scaled(dialect: Dialect, x: string): { value: string; exponent: string } {
  const L = (n: number) => literal(dialect, n);
  return {
    value: `(CASE WHEN abs(${x}) > ${L(P(511))} THEN ${x} * ${L(P(-600))} WHEN abs(${x}) < ${L(P(-511))} THEN ${x} * ${L(P(600))} ELSE ${x} END)`,
    exponent: `(CASE WHEN abs(${x}) > ${L(P(511))} THEN 1 WHEN abs(${x}) < ${L(P(-511))} THEN -1 ELSE 0 END)`,
  };
}

/**
 * The double nearest q · 2^(600·k) for a normal q, k ∈ {-2..2}: ±Infinity past the largest double,
 * a signed zero below half the smallest subnormal, and `direct` (the operation itself, which the
 * database computes without error once the result is known to be a nonzero subnormal).
 */
function finish(
  codec: Codec,
  dialect: Dialect,
  q: string,
  k: string,
  direct: string,
  above: (tie: number) => string,
): Val {
  const L = (n: number) => literal(dialect, n);
  const inf = signed(codec, `${q} > 0`, codec.posInf, codec.negInf);
  const zero = `(CASE WHEN ${q} > 0 THEN ${L(0)} ELSE - ${L(0)} END)`;
  const down = (normal: number, tie: number, scale: string) =>
    cases(
      codec,
      [
        [`abs(${q}) >= ${L(P(normal))}`, finite(scale)],
        [`abs(${q}) < ${L(P(tie))}`, finite(zero)],
        [`abs(${q}) > ${L(P(tie))} OR ${above(P(tie))}`, finite(direct)],
      ],
      finite(zero),
    );
  const [low, lower] = [
    down(-422, -475, `${q} * ${L(P(-600))}`),
    down(178, 125, `${q} * ${L(P(-600))} * ${L(P(-600))}`),
  ];
  const render = (part: (val: Val) => string) => `(CASE ${k} WHEN 0 THEN ${part(finite(q))}
    WHEN 1 THEN (CASE WHEN abs(${q}) >= ${L(P(424))} THEN ${part(inf)} ELSE ${part(finite(`${q} * ${L(P(600))}`))} END)
    WHEN 2 THEN (CASE WHEN abs(${q}) >= ${L(P(-176))} THEN ${part(inf)} ELSE ${part(finite(`${q} * ${L(P(600))} * ${L(P(600))}`))} END)
    WHEN -1 THEN (${part(low)})
    ELSE (${part(lower)}) END)`;
  return { v: render((val) => val.v), c: codec.classed ? render((val) => val.c) : "0" };
}

/** Dekker's exact product error of two non-negative normal doubles: positive iff a·b exceeds round(a·b). */
function productErrorPositive(dialect: Dialect, a: string, b: string): string {
  const split = literal(dialect, 134217729);
  const hi = (v: string) => `((${split} * ${v}) - ((${split} * ${v}) - ${v}))`;
  const lo = (v: string) => `(${v} - ${hi(v)})`;
  return `((((${hi(a)} * ${hi(b)} - ${a} * ${b}) + ${hi(a)} * ${lo(b)} + ${lo(a)} * ${hi(b)}) + ${lo(a)} * ${lo(b)}) > 0)`;
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
