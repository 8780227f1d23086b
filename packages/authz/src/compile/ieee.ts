import type { Dialect } from "../dialect.ts";
import { type Context, freshAlias } from "./types.ts";

/**
 * A CEL double as SQL, computed without ever asking the database for a NaN, an overflow or an
 * underflow to zero (Postgres raises on all three; SQLite returns NULL for x/0): every case is
 * decided by CASE on the operands' magnitudes first.
 */
export interface Num {
  /** The IEEE value, ±Infinity included; NULL stands for NaN when `nan` is set. */
  readonly sql: string;
  readonly nan: boolean;
  readonly infinite: boolean;
  /** SQL condition that the value is -0 (SQLite does not keep a zero's sign; only division needs it). */
  readonly negZero: () => string;
}

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

export function literal(dialect: Dialect, value: number): string {
  if (value === Number.POSITIVE_INFINITY) return dialect.infinity;
  if (value === Number.NEGATIVE_INFINITY) return `(- ${dialect.infinity})`;
  const text = String(value);
  return dialect.name === "postgres" ? `CAST('${text}' AS DOUBLE PRECISION)` : /[.e]/.test(text) ? text : `${text}.0`;
}

/** Evaluates `body` over the operands bound once as columns of a one-row derived table (SQL stays linear in size). */
function bind(
  context: Context,
  operands: Record<string, string>,
  body: (ref: (name: string) => string) => string,
): string {
  const alias = freshAlias(context, "n");
  const q = context.dialect.quote;
  const columns = Object.entries(operands).map(([name, sql]) => `${sql} AS ${q(name)}`);
  // LIMIT 1 keeps the planner from inlining the columns back into every use (exponential SQL).
  return `(SELECT ${body((name) => `${alias}.${q(name)}`)} FROM (SELECT ${columns.join(", ")} LIMIT 1) AS ${alias})`;
}

const cases = (branches: readonly (readonly [string, string])[], otherwise: string) =>
  `CASE ${branches.map(([when, then]) => `WHEN ${when} THEN ${then}`).join(" ")} ELSE ${otherwise} END`;

export function neg(_context: Context, a: Num): Num {
  return {
    sql: `(- ${a.sql})`,
    nan: a.nan,
    infinite: a.infinite,
    negZero: () => `((${a.sql}) = 0 AND NOT ${a.negZero()})`,
  };
}

/** `a + b`: exact for |a|,|b| ≤ 2^1022; beyond, halves (exact there) decide the overflow to ±Infinity. */
export function add(context: Context, a: Num, b: Num): Num {
  const { dialect } = context;
  const L = (n: number) => literal(dialect, n);
  const INF = L(Number.POSITIVE_INFINITY);
  const sql = bind(context, { x: a.sql, y: b.sql }, (r) => {
    const [x, y] = [r("x"), r("y")];
    const half = `(${x} / 2 + ${y} / 2)`;
    const branches: [string, string][] = [];
    if (a.nan || b.nan) branches.push([`${x} IS NULL OR ${y} IS NULL`, "NULL"]);
    if (a.infinite || b.infinite) {
      branches.push([`(${x} = ${INF} AND ${y} = - ${INF}) OR (${x} = - ${INF} AND ${y} = ${INF})`, "NULL"]);
    }
    branches.push([`abs(${x}) <= ${L(P(1022))} AND abs(${y}) <= ${L(P(1022))}`, `${x} + ${y}`]);
    // A tiny operand cannot overflow the sum, and halving it could underflow (Postgres raises).
    branches.push([`abs(${x}) < ${L(P(-1000))} OR abs(${y}) < ${L(P(-1000))}`, `${x} + ${y}`]);
    if (a.infinite || b.infinite) {
      branches.push([`${x} = ${INF} OR ${y} = ${INF}`, INF], [`${x} = - ${INF} OR ${y} = - ${INF}`, `- ${INF}`]);
    }
    branches.push([`${half} >= ${L(P(1023))}`, INF], [`${half} <= - ${L(P(1023))}`, `- ${INF}`]);
    return cases(branches, `${half} * 2`);
  });
  const negZero = () => `(${a.negZero()} AND ${b.negZero()})`;
  return { sql, nan: a.nan || b.nan || (a.infinite && b.infinite), infinite: true, negZero };
}

/** Negative, or a negative zero. */
const negative = (value: string, negZero: string) => `((${value}) < 0 OR ${negZero})`;

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
function finish(dialect: Dialect, q: string, k: string, direct: string, above: (tie: number) => string): string {
  const L = (n: number) => literal(dialect, n);
  const INF = L(Number.POSITIVE_INFINITY);
  const inf = `(CASE WHEN ${q} > 0 THEN ${INF} ELSE - ${INF} END)`;
  const zero = `(CASE WHEN ${q} > 0 THEN ${L(0)} ELSE - ${L(0)} END)`;
  const down = (normal: number, tie: number, scale: string) =>
    cases(
      [
        [`abs(${q}) >= ${L(P(normal))}`, scale],
        [`abs(${q}) < ${L(P(tie))}`, zero],
        [`abs(${q}) > ${L(P(tie))} OR ${above(P(tie))}`, direct],
      ],
      zero,
    );
  return `(CASE ${k} WHEN 0 THEN ${q}
    WHEN 1 THEN (CASE WHEN abs(${q}) >= ${L(P(424))} THEN ${inf} ELSE ${q} * ${L(P(600))} END)
    WHEN 2 THEN (CASE WHEN abs(${q}) >= ${L(P(-176))} THEN ${inf} ELSE ${q} * ${L(P(600))} * ${L(P(600))} END)
    WHEN -1 THEN (${down(-422, -475, `${q} * ${L(P(-600))}`)})
    ELSE (${down(178, 125, `${q} * ${L(P(-600))} * ${L(P(-600))}`)}) END)`;
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
function special(
  context: Context,
  a: Num,
  b: Num,
  x: string,
  y: string,
  divisorNegZero: string | undefined,
): [string, string][] {
  const INF = literal(context.dialect, Number.POSITIVE_INFINITY);
  const branches: [string, string][] = [];
  if (a.nan || b.nan) branches.push([`${x} IS NULL OR ${y} IS NULL`, "NULL"]);
  const signed = (same: string, positive: string, negative: string) =>
    `(CASE WHEN ${same} THEN ${positive} ELSE ${negative} END)`;
  const sameByValue = `((${x} < 0) = (${y} < 0))`;
  if (divisorNegZero !== undefined) {
    branches.push([`${x} = 0 AND ${y} = 0`, "NULL"]);
    if (a.infinite && b.infinite) branches.push([`abs(${x}) = ${INF} AND abs(${y}) = ${INF}`, "NULL"]);
    branches.push([`${y} = 0`, signed(`((${x} < 0) = ${divisorNegZero})`, INF, `- ${INF}`)]);
    if (a.infinite) branches.push([`abs(${x}) = ${INF}`, signed(sameByValue, INF, `- ${INF}`)]);
    if (b.infinite) branches.push([`abs(${y}) = ${INF}`, signed(sameByValue, "0.0", "(- 0.0)")]);
    branches.push([`${x} = 0`, `${x} / ${y}`]);
  } else {
    if (a.infinite || b.infinite) {
      branches.push([`(abs(${x}) = ${INF} AND ${y} = 0) OR (${x} = 0 AND abs(${y}) = ${INF})`, "NULL"]);
      branches.push([`abs(${x}) = ${INF} OR abs(${y}) = ${INF}`, signed(sameByValue, INF, `- ${INF}`)]);
    }
    branches.push([`${x} = 0 OR ${y} = 0`, `${x} * ${y}`]);
  }
  return branches;
}

/** Whether the operands' signs agree, a zero's sign included (outside the derived table). */
function sameSign(a: Num, b: Num): string {
  return `((${negative(a.sql, a.negZero())}) = (${negative(b.sql, b.negZero())}))`;
}

function productOrQuotient(context: Context, a: Num, b: Num, division: boolean): Num {
  const { dialect } = context;
  const operands: Record<string, string> = { x: a.sql, y: b.sql };
  if (division) operands.nz = b.negZero();
  const sql = bind(context, operands, (r) => {
    const [x, y] = [r("x"), r("y")];
    const [sx, sy] = [scaled(dialect, x), scaled(dialect, y)];
    const direct = division ? `${x} / ${y}` : `${x} * ${y}`;
    const divisorNegZero = division ? `(${r("nz")} = ${dialect.escape(true)})` : undefined;
    // The scaled operands, their product or quotient and its power-of-two scale, bound once more.
    const scaledResult = bind(
      context,
      {
        q: division ? `(${sx.value} / ${sy.value})` : `(${sx.value} * ${sy.value})`,
        k: division ? `(${sx.exponent} - ${sy.exponent})` : `(${sx.exponent} + ${sy.exponent})`,
        sx: sx.value,
        sy: sy.value,
      },
      (s) => {
        // A scaled result of exactly half the smallest subnormal: whether the exact one is above decides 0 or 2^-1074.
        const above = (tie: number) =>
          division
            ? `abs(${s("sx")}) > ${literal(dialect, tie)} * abs(${s("sy")})`
            : productErrorPositive(dialect, `abs(${s("sx")})`, `abs(${s("sy")})`);
        return finish(dialect, s("q"), s("k"), direct, above);
      },
    );
    return cases(special(context, a, b, x, y, divisorNegZero), scaledResult);
  });
  const negZero = () => `((${sql}) = 0 AND NOT ${sameSign(a, b)})`;
  const nan = division || a.nan || b.nan || a.infinite || b.infinite;
  return { sql, nan, infinite: true, negZero };
}

export const mult = (context: Context, a: Num, b: Num): Num => productOrQuotient(context, a, b, false);
export const div = (context: Context, a: Num, b: Num): Num => productOrQuotient(context, a, b, true);
