import type { Dialect } from "../dialect.ts";
import type { AnyModel, Mapper, MapperEntry, NullRepresentation } from "../mapper.ts";

/**
 * The CEL type a SQL scalar carries once Cerbos sees it (a date column is RFC 3339 text; a
 * relation entry's row is a `map`, whose SQL is NULL exactly when the row is missing).
 */
export type CelType = "string" | "number" | "bool" | "timestamp" | "null" | "map" | "other";

/** A scalar CEL value as SQL. */
export interface Scalar {
  readonly sql: string;
  readonly type: CelType;
  /** Whether the SQL may be NULL while `ok` holds, i.e. a CEL `null`. */
  readonly nullable: boolean;
  /** SQL condition under which evaluating this value does not raise a CEL error. */
  readonly ok: string;
  /** The plan path it came from (for error messages), or `-`. */
  readonly path: string;
  /** Set for plan constants. */
  readonly constant?: { readonly value: unknown };
  /** Integer-valued column (possibly through to-one joins), safe for exact double arithmetic. */
  readonly integral?: boolean;
  /** CEL's numeric type: attributes arrive as doubles, size() is an int, integral literals are unknown. */
  readonly numberKind?: "int" | "uint" | "double";
  /** For an int: a bound on its magnitude (int64 arithmetic is translated only where it cannot overflow). */
  readonly intBound?: number;
  /** A computed double whose SQL NULL (while `ok` holds) is a NaN; never also `nullable`. */
  readonly nanNull?: boolean;
  /** A computed double that may be ±Infinity. */
  readonly infinite?: boolean;
  /** A computed double: the SQL condition that it is -0 (only a divisor's zero sign matters). */
  readonly negZero?: () => string;
  /** MariaDB: a computed double's infinity class and `[value, class]` pair (its SQL NULL is then NaN or ±Infinity). */
  readonly classed?: import("./ieee-values.ts").Classed;
  /** A timestamp literal finer than a millisecond, floored to one (comparisons adjust for it). */
  readonly floored?: boolean;
  /** For a date column: the raw column, which timestamp() compares as an instant. */
  readonly instant?: string;
}

/** A boolean CEL expression: the SQL conditions under which it evaluates to true and to false. */
export interface Cond {
  readonly t: string;
  readonly f: string;
}

/** An element of a list of objects: a row of `model` under `alias`. */
export interface ObjectRow {
  readonly kind: "object";
  readonly model: AnyModel;
  readonly alias: string;
  readonly fields: Readonly<Record<string, MapperEntry>> | undefined;
  readonly nullRepresentation: NullRepresentation;
  readonly path: string;
}

/** An item of a literal list the planner shipped (a principal attribute): a map, list or scalar. */
export interface ConstantItem {
  readonly kind: "constant";
  readonly value: unknown;
}

export type Binding = { readonly kind: "scalar"; readonly scalar: Scalar } | ObjectRow | ConstantItem;

/** A to-many association (possibly filtered or mapped) iterated by a correlated subquery. */
export interface Collection {
  readonly from: string;
  readonly where: string;
  readonly element: Binding;
  /** Outer condition under which the collection evaluates without error (filter/map bodies). */
  readonly ok: string;
  readonly path: string;
}

/** A Cerbos `hierarchy(...)`: constant segments, or a string column split by a one-character delimiter. */
export type Hierarchy =
  | { readonly kind: "constant"; readonly segments: readonly string[] }
  | { readonly kind: "column"; readonly scalar: Scalar; readonly delimiter: string };

export type Operand =
  | { readonly kind: "cond"; readonly cond: Cond }
  | { readonly kind: "hierarchy"; readonly hierarchy: Hierarchy; readonly path: string }
  | { readonly kind: "scalar"; readonly scalar: Scalar }
  | { readonly kind: "list"; readonly items: readonly unknown[]; readonly path: string }
  | { readonly kind: "collection"; readonly collection: Collection };

export interface Context {
  readonly dialect: Dialect;
  readonly mapper: Mapper;
  readonly rootModel: AnyModel;
  readonly rootAlias: string;
  /** Lambda variables in scope, innermost last. */
  readonly scope: ReadonlyMap<string, Binding>;
  readonly aliases: { next: number };
  /** Compiles a node; lets operator files recurse without importing the dispatcher. */
  readonly compile: (node: import("../plan.ts").PlanNode, context: Context) => Operand;
}

export function freshAlias(context: Context, prefix: string): string {
  context.aliases.next += 1;
  return context.dialect.quote(`authz_${prefix}${context.aliases.next}`);
}

export function withBinding(context: Context, name: string, binding: Binding): Context {
  const scope = new Map(context.scope);
  scope.set(name, binding);
  return { ...context, scope };
}
