import type { PlanNode } from "../plan.ts";
import { FALSE } from "../sql.ts";
import { literal, type Num } from "./ieee.ts";
import { refuse } from "./operands.ts";
import type { Context, Scalar } from "./types.ts";

/** What a number is in CEL: an int (size()), a double (attributes, fractional literals), or unknown. */
export type NumberKind = "int" | "uint" | "double" | "ambiguous";

export const AMBIGUOUS_CONSTANT =
  "the plan drops a numeric constant's type (2.0 arrives as 2) and CEL has no mixed int/double arithmetic, " +
  "so whether CheckResources evaluates or fails is unknown";

export function kindOf(scalar: Scalar): NumberKind {
  const constant = scalar.constant?.value;
  // An int or uint literal is below 2^64 in magnitude: anything larger (1e300) can only be a double.
  if (typeof constant === "number")
    return Number.isInteger(constant) && Math.abs(constant) < 2 ** 64 ? "ambiguous" : "double";
  return scalar.numberKind ?? "ambiguous";
}

/** A CEL evaluation error as a value: never true, never false. */
export function errorScalar(path: string): Scalar {
  return { sql: "NULL", type: "number", nullable: false, ok: FALSE, path };
}

/** A double scalar as an IEEE operand (integer columns cast; constants as exact double literals). */
export function asNum(context: Context, scalar: Scalar): Num {
  const value = scalar.constant?.value;
  const sql = typeof value === "number" ? literal(context.dialect, value) : context.dialect.double(scalar.sql);
  return {
    sql,
    nan: scalar.nanNull === true,
    infinite: scalar.infinite === true,
    negZero: scalar.negZero ?? (() => FALSE),
    classed: scalar.classed,
  };
}

export function fromNum(num: Num, ok: string, path: string): Scalar {
  return {
    sql: num.sql,
    type: "number",
    nullable: false,
    ok,
    path,
    numberKind: "double",
    // Classed (MariaDB), the SQL NULL of a computed double is NaN or ±Infinity: never a number.
    nanNull: num.nan || num.classed !== undefined,
    infinite: num.infinite,
    negZero: num.negZero,
    classed: num.classed,
  };
}

/** int64 arithmetic (exact in SQL's 64-bit integers) is translated only where its bounds rule out an overflow. */
export function checkIntBound(node: PlanNode, bound: number): number {
  if (!(bound < 2 ** 63)) {
    refuse(
      node,
      "int arithmetic that may overflow int64 (CEL's overflow error is not reproduced; int() values reach 2^63)",
    );
  }
  return bound;
}

export const intBoundOf = (scalar: Scalar): number => scalar.intBound ?? 2 ** 63;
