import type { PlanNode } from "../plan.ts";
import { and, FALSE, isNotTrue, notExists, TRUE } from "../sql.ts";
import { hierarchySize } from "./hierarchy-relations.ts";
import { bodyCond, bodyScalar, collectionMacros, literalItemBinding, literalMacros, readLambda } from "./lambdas.ts";
import { asCollection, compileOperand, notNull, operandsOf, refuse } from "./operands.ts";
import type { Collection, Context, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

/** A bound on any size(): rows per parent, characters of a text (int arithmetic on sizes cannot overflow). */
const SIZE_BOUND = 2 ** 31;
type Macro = keyof typeof collectionMacros;

function macro(name: Macro) {
  return (node: CallNode, context: Context): Operand => {
    const [sourceNode, lambdaNode] = operandsOf(node, 2);
    const lambda = readLambda(node, lambdaNode);
    const source = compileOperand(context, sourceNode!);
    if (source.kind === "list") {
      const items = source.items.map((item) => bodyCond(context, lambda, literalItemBinding(context, item)));
      return { kind: "cond", cond: literalMacros[name](items) };
    }
    const collection = asCollection(node, source);
    return { kind: "cond", cond: collectionMacros[name](collection, bodyCond(context, lambda, collection.element)) };
  };
}

/** filter() keeps the collection a collection; any element whose predicate errs makes it an error. */
function filter(node: CallNode, context: Context): Operand {
  const [sourceNode, lambdaNode] = operandsOf(node, 2);
  const lambda = readLambda(node, lambdaNode);
  const collection = asCollection(node, compileOperand(context, sourceNode!));
  const body = bodyCond(context, lambda, collection.element);
  const failed = and(isNotTrue(body.t), isNotTrue(body.f));
  const filtered: Collection = {
    ...collection,
    where: and(collection.where, body.t),
    ok: and(collection.ok, notExists(collection.from, and(collection.where, failed))),
  };
  return { kind: "collection", collection: filtered };
}

/** map() replaces each element by the body's value; any element whose body errs makes it an error. */
function map(node: CallNode, context: Context): Operand {
  const [sourceNode, lambdaNode] = operandsOf(node, 2);
  const lambda = readLambda(node, lambdaNode);
  const collection = asCollection(node, compileOperand(context, sourceNode!));
  const value = bodyScalar(context, lambda, collection.element);
  const mapped: Collection = {
    ...collection,
    element: { kind: "scalar", scalar: { ...value, ok: TRUE } },
    ok: and(collection.ok, notExists(collection.from, and(collection.where, isNotTrue(value.ok)))),
  };
  return { kind: "collection", collection: mapped };
}

/** size() of a to-many association (COUNT) or of a string (code points). */
function size(node: CallNode, context: Context): Operand {
  const [argument] = operandsOf(node, 1);
  const operand = compileOperand(context, argument!);
  if (operand.kind === "collection") {
    const { from, where, ok, path } = operand.collection;
    const sql = `(SELECT COUNT(*) FROM ${from} WHERE ${where})`;
    return {
      kind: "scalar",
      scalar: {
        sql,
        type: "number",
        nullable: false,
        ok,
        path,
        integral: true,
        numberKind: "int",
        intBound: SIZE_BOUND,
      },
    };
  }
  if (operand.kind === "hierarchy") {
    const { hierarchy } = operand;
    if (hierarchy.kind !== "column") return refuse(node, "size() of a constant hierarchy (the planner folds it)");
    const scalar = {
      sql: hierarchySize(context, hierarchy),
      type: "number" as const,
      nullable: false,
      ok: notNull(hierarchy.scalar),
      path: operand.path,
      integral: true,
      numberKind: "int" as const,
      intBound: SIZE_BOUND,
    };
    return { kind: "scalar", scalar };
  }
  if (operand.kind === "scalar" && operand.scalar.type === "string") {
    const { scalar } = operand;
    const sql = context.dialect.length(scalar.sql);
    return {
      kind: "scalar",
      scalar: {
        sql,
        type: "number",
        nullable: false,
        ok: notNull(scalar),
        path: scalar.path,
        integral: true,
        numberKind: "int",
        intBound: SIZE_BOUND,
      },
    };
  }
  if (operand.kind === "scalar" && operand.scalar.type === "null") {
    return { kind: "scalar", scalar: { ...operand.scalar, ok: FALSE } };
  }
  return refuse(node, "size() of something that is neither a to-many association nor a string");
}

export const collectionOperators = {
  exists: macro("exists"),
  all: macro("all"),
  exists_one: macro("exists_one"),
  filter,
  map,
  size,
};
