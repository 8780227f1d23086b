import type { PlanNode } from "../plan.ts";
import { and, exists, FALSE, notExists, or, TRUE } from "../sql.ts";
import { differentTypes, equality } from "./comparison.ts";
import { asScalar, compileOperand, constantScalar, isScalarValue, operandsOf, refuse } from "./operands.ts";
import type { Collection, Cond, Context, Operand, Scalar } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

function elementScalar(node: PlanNode, collection: Collection): Scalar {
  if (collection.element.kind !== "scalar") return refuse(node, "membership in a list of objects");
  return collection.element.scalar;
}

/** `x in [a, b, null]`: one SQL IN for the non-null items, IS NULL for a null item. */
export function inList(context: Context, node: PlanNode, x: Scalar, items: readonly unknown[]): Cond {
  const scalars = items.map((item) => {
    if (!isScalarValue(item)) return refuse(node, "a list item that is not a scalar");
    return constantScalar(context, item);
  });
  // Type checks (and refusals) are exactly those of == on each item.
  for (const item of scalars) equality(context, node, x, item);
  // Items of another CEL type never equal x: dropped, so SQL's type coercion cannot match them.
  const values = scalars.filter((s) => s.type !== "null" && !differentTypes(x, s));
  const hasNull = scalars.some((s) => s.type === "null");
  const { dialect } = context;
  const left = x.type === "string" ? dialect.exact(x.sql) : x.sql;
  const list = values.map((v) => v.sql).join(", ");
  const inValues = values.length > 0 ? `(${left} IN (${list}))` : FALSE;
  const notInValues = values.length > 0 ? `(${left} NOT IN (${list}))` : TRUE;
  // A NaN (SQL NULL) is in no list: false, not an error; it equals no null item either.
  if (x.nanNull === true) return { t: and(x.ok, inValues), f: and(x.ok, or(`(${x.sql} IS NULL)`, notInValues)) };
  if (!x.nullable) return { t: and(x.ok, inValues), f: and(x.ok, notInValues) };
  const isNull = `(${x.sql} IS NULL)`;
  const isNotNull = `(${x.sql} IS NOT NULL)`;
  return {
    t: and(x.ok, or(inValues, hasNull ? isNull : FALSE)),
    f: and(x.ok, or(and(isNotNull, notInValues), hasNull ? FALSE : isNull)),
  };
}

/** Some element of the collection satisfies `predicate` (a SQL condition over the element's alias). */
export function someElement(collection: Collection, predicate: string, outerOk: string): Cond {
  const where = and(collection.where, predicate);
  return {
    t: and(outerOk, collection.ok, exists(collection.from, where)),
    f: and(outerOk, collection.ok, notExists(collection.from, where)),
  };
}

function inOperator(node: CallNode, context: Context): Operand {
  const [first, second] = operandsOf(node, 2);
  const x = asScalar(context, first!, compileOperand(context, first!));
  const container = compileOperand(context, second!);
  if (container.kind === "list") return { kind: "cond", cond: inList(context, node, x, container.items) };
  if (container.kind === "collection") {
    const element = elementScalar(node, container.collection);
    return { kind: "cond", cond: someElement(container.collection, equality(context, node, x, element).t, x.ok) };
  }
  return refuse(node, "membership in something that is not a list");
}

function hasIntersection(node: CallNode, context: Context): Operand {
  const [first, second] = operandsOf(node, 2);
  const a = compileOperand(context, first!);
  const b = compileOperand(context, second!);
  if (a.kind === "collection" && b.kind === "list") {
    const element = elementScalar(node, a.collection);
    return { kind: "cond", cond: someElement(a.collection, inList(context, node, element, b.items).t, TRUE) };
  }
  if (a.kind === "list" && b.kind === "collection")
    return hasIntersection({ ...node, operands: [second!, first!] }, context);
  if (a.kind === "collection" && b.kind === "collection") {
    const match = equality(context, node, elementScalar(node, a.collection), elementScalar(node, b.collection)).t;
    const joined: Collection = {
      from: `${a.collection.from}, ${b.collection.from}`,
      where: and(a.collection.where, b.collection.where),
      element: a.collection.element,
      ok: and(a.collection.ok, b.collection.ok),
      path: a.collection.path,
    };
    return { kind: "cond", cond: someElement(joined, match, TRUE) };
  }
  return refuse(node, "hasIntersection needs a to-many association on at least one side");
}

export const membershipOperators = { in: inOperator, hasIntersection };
