import type { Dialect } from "../dialect.ts";
import { type Codec, cases, finite, literal, signed, type Val } from "./ieee-values.ts";

/* The scaling steps of products and quotients of doubles (compile/ieee.ts). */

const P = (n: number) => 2 ** n;

/**
 * Scales x to xs in (2^-511, 2^511] (x = xs · 2^(600·c), c ∈ {-1, 0, 1}) so that products and
 * quotients of scaled values are normal doubles; `c` is returned as a second column.
 */
export function scaled(dialect: Dialect, x: string): { value: string; exponent: string } {
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
export function finish(
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
export function productErrorPositive(dialect: Dialect, a: string, b: string): string {
  const split = literal(dialect, 134217729);
  const hi = (v: string) => `((${split} * ${v}) - ((${split} * ${v}) - ${v}))`;
  const lo = (v: string) => `(${v} - ${hi(v)})`;
  return `((((${hi(a)} * ${hi(b)} - ${a} * ${b}) + ${hi(a)} * ${lo(b)} + ${lo(a)} * ${hi(b)}) + ${lo(a)} * ${lo(b)}) > 0)`;
}
