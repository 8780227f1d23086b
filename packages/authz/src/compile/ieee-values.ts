import type { BoundColumn, Dialect } from "../dialect.ts";
import { type Context, freshAlias } from "./types.ts";

/**
 * A CEL double as SQL. SQLite and Postgres hold ±Infinity as values; a MariaDB DOUBLE cannot
 * (`1e308 * 10` raises error 1690, `9e999` does not parse), so there a computed double is
 * *classed*: its value (NULL for NaN and ±Infinity) and its infinity class (1, -1, or 0),
 * carried together as the JSON text `[value, class]` through the one-row tables that bind
 * operands (see Dialect.bindRow).
 */
export interface Num {
  /** The IEEE value (±Infinity included where the dialect has them); NULL stands for NaN when `nan` is set, and for ±Infinity too when classed. */
  readonly sql: string;
  readonly nan: boolean;
  readonly infinite: boolean;
  /** SQL condition that the value is -0 (SQLite does not keep a zero's sign; only division needs it). */
  readonly negZero: () => string;
  readonly classed?: Classed;
}

/** MariaDB: the infinity class of a computed double (1 = +Infinity, -1 = -Infinity, else 0), and its `[value, class]` JSON text. */
export interface Classed {
  readonly sign: string;
  readonly pair: string;
}

/** A result inside an operation: its value and, for a classed dialect, its infinity class. */
export interface Val {
  readonly v: string;
  readonly c: string;
}

/** A bound operand inside an operation: its value column and its class ("0" when it cannot be infinite). */
export type Ref = Val;

export const finite = (v: string): Val => ({ v, c: "0" });

/** What an operation tests and writes for NaN and ±Infinity, on a dialect with or without infinite values. */
export interface Codec {
  readonly classed: boolean;
  readonly nan: Val;
  readonly posInf: Val;
  readonly negInf: Val;
  isNaN(x: Ref): string;
  isPosInf(x: Ref): string;
  isNegInf(x: Ref): string;
  isInf(x: Ref): string;
  /** The value is negative (-Infinity included; a zero's sign is tracked apart). */
  below0(x: Ref): string;
}

export function literal(dialect: Dialect, value: number): string {
  const { infinity } = dialect;
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) {
    if (infinity === undefined) throw new Error(`@repo/authz: no infinite double literal on ${dialect.name}`);
    return value > 0 ? infinity : `(- ${infinity})`;
  }
  return dialect.doubleLiteral(String(value));
}

export function codecOf(dialect: Dialect): Codec {
  const { infinity } = dialect;
  if (infinity === undefined) {
    return {
      classed: true,
      nan: { v: "NULL", c: "0" },
      posInf: { v: "NULL", c: "1" },
      negInf: { v: "NULL", c: "-1" },
      isNaN: (x) => `(${x.v} IS NULL AND ${x.c} = 0)`,
      isPosInf: (x) => `${x.c} = 1`,
      isNegInf: (x) => `${x.c} = -1`,
      isInf: (x) => `${x.c} <> 0`,
      below0: (x) => `(${x.v} < 0 OR ${x.c} = -1)`,
    };
  }
  return {
    classed: false,
    nan: { v: "NULL", c: "0" },
    posInf: { v: infinity, c: "1" },
    negInf: { v: `- ${infinity}`, c: "-1" },
    isNaN: (x) => `${x.v} IS NULL`,
    isPosInf: (x) => `${x.v} = ${infinity}`,
    isNegInf: (x) => `${x.v} = - ${infinity}`,
    isInf: (x) => `abs(${x.v}) = ${infinity}`,
    below0: (x) => `(${x.v} < 0)`,
  };
}

/** `CASE WHEN … THEN … ELSE … END` over results: the value's and the class's, with the same branches. */
export function cases(codec: Codec, branches: readonly (readonly [string, Val])[], otherwise: Val): Val {
  const render = (part: (val: Val) => string) =>
    `CASE ${branches.map(([when, then]) => `WHEN ${when} THEN ${part(then)}`).join(" ")} ELSE ${part(otherwise)} END`;
  return both(codec, render);
}

/** A result built from one template, once for the value and (classed) once for the class. */
export function both(codec: Codec, render: (part: (val: Val) => string) => string): Val {
  return { v: render((val) => val.v), c: codec.classed ? render((val) => val.c) : "0" };
}

/** `(CASE WHEN same THEN a ELSE b END)` over results. */
export const signed = (codec: Codec, same: string, a: Val, b: Val): Val =>
  both(codec, (part) => `(CASE WHEN ${same} THEN ${part(a)} ELSE ${part(b)} END)`);

export type BindOperand = { readonly sql: string; readonly type: "double" | "integer" } | { readonly num: Num };

/**
 * Evaluates `body` over the operands bound once as columns of a one-row table (SQL stays linear
 * in size): the value of the result, or (classed) its `[value, class]` JSON text.
 */
export function bind(
  context: Context,
  operands: Readonly<Record<string, BindOperand>>,
  body: (ref: (name: string) => Ref) => Val,
): { readonly sql: string } | { readonly pair: string } {
  const { dialect } = context;
  const codec = codecOf(dialect);
  const alias = freshAlias(context, "n");
  const q = dialect.quote;
  const columns: BoundColumn[] = Object.entries(operands).map(([name, operand]) => {
    if ("sql" in operand) return { name, sql: operand.sql, type: operand.type };
    const { num } = operand;
    return num.classed !== undefined && codec.classed
      ? { name, sql: num.classed.pair, type: "pair" }
      : { name, sql: num.sql, type: "double" };
  });
  const paired = new Set(columns.filter((column) => column.type === "pair").map((column) => column.name));
  const ref = (name: string): Ref => ({
    v: `${alias}.${q(name)}`,
    c: paired.has(name) ? `${alias}.${q(`${name}_c`)}` : "0",
  });
  const row = dialect.bindRow(columns, alias);
  const result = body(ref);
  if (!codec.classed) return { sql: `(SELECT ${result.v} FROM ${row})` };
  return { pair: `(SELECT JSON_ARRAY(${result.v}, ${result.c}) FROM ${row})` };
}

/** A bound result as a value (for a classed dialect, read back from its pair). */
export function boundValue(bound: { readonly sql: string } | { readonly pair: string }): Val & { classed?: Classed } {
  if ("sql" in bound) return { v: bound.sql, c: "0" };
  const sign = `CAST(JSON_VALUE(${bound.pair}, '$[1]') AS SIGNED)`;
  return { v: `CAST(JSON_VALUE(${bound.pair}, '$[0]') AS DOUBLE)`, c: sign, classed: { sign, pair: bound.pair } };
}
