import type { PlanNode } from "../plan.ts";
import { and, FALSE, or, TRUE } from "../sql.ts";
import { refuse } from "./operands.ts";
import type { Context, Hierarchy } from "./types.ts";

export const RELATIONS = [
  "ancestorOf",
  "descendentOf",
  "immediateParentOf",
  "immediateChildOf",
  "siblingOf",
  "overlaps",
] as const;
export type Relation = (typeof RELATIONS)[number];

type Column = Extract<Hierarchy, { kind: "column" }>;

/** The relation with its receiver and argument swapped (a.ancestorOf(b) is b.descendentOf(a)). */
const CONVERSE: Record<Relation, Relation> = {
  ancestorOf: "descendentOf",
  descendentOf: "ancestorOf",
  immediateParentOf: "immediateChildOf",
  immediateChildOf: "immediateParentOf",
  siblingOf: "siblingOf",
  overlaps: "overlaps",
};

/** Segment tests on the column's text: its segments equal, or start with, the constant's. */
function columnVsConstant(context: Context, column: Column, segments: readonly string[], name: Relation): string {
  const { dialect } = context;
  const p = column.scalar.sql;
  const d = column.delimiter;
  // A constant segment holding the delimiter never equals a segment of the split column.
  const usable = (count: number) => segments.slice(0, count).every((segment) => !segment.includes(d));
  const equals = (count: number) =>
    usable(count) ? `(${dialect.exact(p)} = ${dialect.escape(segments.slice(0, count).join(d))})` : FALSE;
  const below = (count: number) =>
    usable(count) ? dialect.startsWith(p, dialect.escape(`${segments.slice(0, count).join(d)}${d}`)) : FALSE;
  /** Exactly one more segment after the first `count`. */
  const childOf = (count: number) => {
    if (!usable(count)) return FALSE;
    const prefix = `${segments.slice(0, count).join(d)}${d}`;
    const rest = `substr(${p}, ${[...prefix].length + 1})`;
    return and(below(count), `(NOT ${dialect.contains(rest, dialect.escape(d))})`);
  };
  const n = segments.length;
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  switch (name) {
    case "ancestorOf":
      return or(...range(1, n - 1).map(equals));
    case "descendentOf":
      return below(n);
    case "immediateParentOf":
      return n >= 2 ? equals(n - 1) : FALSE;
    case "immediateChildOf":
      return childOf(n);
    case "siblingOf":
      return n === 1 ? `(NOT ${dialect.contains(p, dialect.escape(d))})` : childOf(n - 1);
    case "overlaps":
      return or(...range(1, n).map(equals), below(n));
  }
}

/** Two columns with one delimiter: prefix tests of one text against the other's plus the delimiter. */
function columnVsColumn(context: Context, a: Column, b: Column, name: Relation): string {
  const { dialect } = context;
  const d = dialect.escape(a.delimiter);
  const [p, q] = [a.scalar.sql, b.scalar.sql];
  const below = (x: string, y: string) => dialect.startsWith(x, dialect.concat(y, d));
  const childOf = (x: string, y: string) =>
    and(below(x, y), `(NOT ${dialect.contains(`substr(${x}, ${dialect.length(y)} + 2)`, d)})`);
  switch (name) {
    case "ancestorOf":
      return below(q, p);
    case "descendentOf":
      return below(p, q);
    case "immediateParentOf":
      return childOf(q, p);
    case "immediateChildOf":
      return childOf(p, q);
    case "siblingOf":
      return `(${dialect.exact(dialect.throughLast(p, d))} = ${dialect.throughLast(q, d)})`;
    case "overlaps":
      return or(`(${dialect.exact(p)} = ${q})`, below(p, q), below(q, p));
  }
}

/** `a.name(b)` as a SQL condition, valid where both hierarchies evaluate (see hierarchyOk). */
export function hierarchyRelation(
  context: Context,
  node: PlanNode,
  name: Relation,
  a: Hierarchy,
  b: Hierarchy,
): string {
  if (a.kind === "constant" && b.kind === "constant")
    return refuse(node, "two constant hierarchies (the planner folds those)");
  if (a.kind === "column" && b.kind === "column") {
    if (a.delimiter !== b.delimiter) return refuse(node, "two column hierarchies with different delimiters");
    return columnVsColumn(context, a, b, name);
  }
  if (a.kind === "column" && b.kind === "constant") return columnVsConstant(context, a, b.segments, name);
  if (a.kind === "constant" && b.kind === "column") return columnVsConstant(context, b, a.segments, CONVERSE[name]);
  return TRUE;
}

/** `a == b` of hierarchies: the same segments. */
export function hierarchyEquality(context: Context, node: PlanNode, a: Hierarchy, b: Hierarchy): string {
  const { dialect } = context;
  if (a.kind === "constant" && b.kind === "constant")
    return refuse(node, "two constant hierarchies (the planner folds those)");
  if (a.kind === "column" && b.kind === "column") {
    if (a.delimiter !== b.delimiter) return refuse(node, "two column hierarchies with different delimiters");
    return `(${dialect.exact(a.scalar.sql)} = ${b.scalar.sql})`;
  }
  const column = (a.kind === "column" ? a : b) as Column;
  const segments = (a.kind === "constant" ? a : b) as Extract<Hierarchy, { kind: "constant" }>;
  if (segments.segments.some((segment) => segment.includes(column.delimiter))) return FALSE;
  return `(${dialect.exact(column.scalar.sql)} = ${dialect.escape(segments.segments.join(column.delimiter))})`;
}

/** `size(h)` of a column hierarchy: one more than its delimiters. */
export function hierarchySize(context: Context, column: Column): string {
  const { dialect } = context;
  return `(${dialect.occurrences(column.scalar.sql, dialect.escape(column.delimiter))} + 1)`;
}
