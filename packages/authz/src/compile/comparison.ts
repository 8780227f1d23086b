import type { PlanNode } from "../plan.ts";
import { and, exists, FALSE, isNotTrue, notExists, TRUE } from "../sql.ts";
import { classedEquality, isClassed } from "./classed.ts";
import { asHierarchy, hierarchyOk } from "./hierarchy.ts";
import { hierarchyEquality } from "./hierarchy-relations.ts";
import { asCond, asScalar, compileOperand, constantScalar, isScalarValue, operandsOf, refuse } from "./operands.ts";
import { ordering } from "./ordering.ts";
import type { Cond, Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

const swap = (cond: Cond): Cond => ({ t: cond.f, f: cond.t });

function describe(scalar: Scalar): string {
  return scalar.path === "-" ? `a ${scalar.type} constant` : `${scalar.path} (${scalar.type})`;
}

/** Refuses what has no exact CEL counterpart: column types Cerbos cannot receive as such. */
export function checkKnown(node: PlanNode, a: Scalar, b: Scalar): void {
  for (const side of [a, b]) {
    if (side.type === "other") refuse(node, `${describe(side)} has a column type with no exact CEL counterpart`);
  }
}

/** Values of different CEL types are never equal (heterogeneous equality), whatever SQL would coerce. */
export function differentTypes(a: Scalar, b: Scalar): boolean {
  return a.type !== "null" && b.type !== "null" && a.type !== b.type;
}

function isNullConstant(scalar: Scalar): boolean {
  return scalar.constant !== undefined && scalar.constant.value === null;
}

/** CEL `==`: null equals only null; no error except from the operands themselves. */
export function equality(context: Context, node: PlanNode, a: Scalar, b: Scalar): Cond {
  checkKnown(node, a, b);
  if (a.type === "map" && b.type === "map") {
    refuse(node, "comparing two related rows as maps has no SQL translation (only `== null` / `!= null`)");
  }
  const { dialect } = context;
  const ok = and(a.ok, b.ok);
  if (differentTypes(a, b)) {
    // Equal only when both are null.
    const bothNull = a.nullable && b.nullable ? `(${a.sql} IS NULL AND ${b.sql} IS NULL)` : FALSE;
    return {
      t: and(ok, bothNull),
      f: and(ok, bothNull === FALSE ? TRUE : `(NOT (${a.sql} IS NULL AND ${b.sql} IS NULL))`),
    };
  }
  if (isNullConstant(a) || isNullConstant(b)) {
    const other = isNullConstant(a) ? b : a;
    if (!other.nullable) return { t: FALSE, f: ok };
    return { t: and(ok, `(${other.sql} IS NULL)`), f: and(ok, `(${other.sql} IS NOT NULL)`) };
  }
  // A timestamp literal finer than the millisecond a resource carries never equals it.
  if (a.floored === true || b.floored === true) return { t: FALSE, f: ok };
  if (isClassed(a, b)) return classedEquality(a, b, ok);
  const left = a.type === "string" ? dialect.exact(a.sql) : a.sql;
  if (a.nanNull === true || b.nanNull === true) {
    // NaN (SQL NULL here) equals nothing, itself included; neither side is a CEL null then.
    const unequal = `(${a.sql} IS NULL OR ${b.sql} IS NULL OR ${left} <> ${b.sql})`;
    return { t: and(ok, `(${left} = ${b.sql})`), f: and(ok, unequal) };
  }
  if (!a.nullable && !b.nullable) {
    return { t: and(ok, `(${left} = ${b.sql})`), f: and(ok, `(${left} <> ${b.sql})`) };
  }
  return { t: and(ok, dialect.nullSafeEq(left, b.sql)), f: and(ok, dialect.nullSafeNe(left, b.sql)) };
}

/**
 * `tags == []` and `tags == ["vip"]`: the list equalities that do not depend on element order
 * (none, or exactly one element equal to the item; CEL's == never errs on elements).
 */
function shortListEquality(context: Context, node: PlanNode, collection: Operand, list: Operand): Cond | undefined {
  if (collection.kind !== "collection" || list.kind !== "list" || list.items.length > 1) return undefined;
  const { from, where, ok, element } = collection.collection;
  const [item] = list.items;
  if (item === undefined) return { t: and(ok, notExists(from, where)), f: and(ok, exists(from, where)) };
  if (element.kind !== "scalar" || !isScalarValue(item))
    return refuse(node, "list equality of objects or nested lists");
  const match = equality(context, node, element.scalar, constantScalar(context, item)).t;
  const one = and(`((SELECT COUNT(*) FROM ${from} WHERE ${where}) = 1)`, exists(from, and(where, match)));
  return { t: and(ok, one), f: and(ok, isNotTrue(one)) };
}

function equalityOperator(node: CallNode, context: Context, negate: boolean): Operand {
  const [first, second] = operandsOf(node, 2);
  const a = compileOperand(context, first!);
  const b = compileOperand(context, second!);
  // A boolean expression compared with a boolean constant is that expression (or its negation).
  for (const [expression, constant] of [
    [a, b],
    [b, a],
  ] as const) {
    if (
      expression.kind === "cond" &&
      constant.kind === "scalar" &&
      typeof constant.scalar.constant?.value === "boolean"
    ) {
      const cond = asCond(context, node, expression);
      const same = constant.scalar.constant.value !== negate;
      return { kind: "cond", cond: same ? cond : swap(cond) };
    }
  }
  if (a.kind === "hierarchy" || b.kind === "hierarchy") {
    const [h1, h2] = [asHierarchy(node, a), asHierarchy(node, b)];
    const holds = hierarchyEquality(context, node, h1, h2);
    const ok = hierarchyOk(h1, h2);
    const cond: Cond = { t: and(ok, holds), f: and(ok, `(NOT ${holds})`) };
    return { kind: "cond", cond: negate ? swap(cond) : cond };
  }
  const emptiness = shortListEquality(context, node, a, b) ?? shortListEquality(context, node, b, a);
  if (emptiness !== undefined) return { kind: "cond", cond: negate ? swap(emptiness) : emptiness };
  if (a.kind === "list" || b.kind === "list" || a.kind === "collection" || b.kind === "collection") {
    return refuse(node, "list equality has no exact SQL translation (element order is not stored)");
  }
  const cond = equality(context, node, asScalar(context, first!, a), asScalar(context, second!, b));
  return { kind: "cond", cond: negate ? swap(cond) : cond };
}

export const comparisonOperators = {
  eq: (node: CallNode, context: Context) => equalityOperator(node, context, false),
  ne: (node: CallNode, context: Context) => equalityOperator(node, context, true),
  lt: (node: CallNode, context: Context) => ordering(context, node, "lt"),
  le: (node: CallNode, context: Context) => ordering(context, node, "le"),
  gt: (node: CallNode, context: Context) => ordering(context, node, "gt"),
  ge: (node: CallNode, context: Context) => ordering(context, node, "ge"),
};
