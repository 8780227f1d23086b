import type { PlanNode } from "../plan.ts";
import { and } from "../sql.ts";
import { hierarchyRelation, RELATIONS, type Relation } from "./hierarchy-relations.ts";
import { asScalar, compileOperand, notNull, refuse } from "./operands.ts";
import type { Cond, Context, Hierarchy, Operand } from "./types.ts";

type CallNode = Extract<PlanNode, { type: "call" }>;

/** Go's strings.Split, which Cerbos uses: an empty delimiter splits into code points. */
export function splitLikeGo(text: string, delimiter: string): string[] {
  return delimiter === "" ? [...text] : text.split(delimiter);
}

/** `hierarchy(x)` / `hierarchy(x, delimiter)`: constant segments, or a column with its delimiter. */
function hierarchy(node: CallNode, context: Context): Operand {
  if (node.operands.length !== 1 && node.operands.length !== 2) return refuse(node, "expected 1 or 2 operands");
  const [source, delimiterNode] = node.operands;
  let delimiter = ".";
  if (delimiterNode !== undefined) {
    if (delimiterNode.type !== "value" || typeof delimiterNode.value !== "string") {
      return refuse(node, "a hierarchy delimiter that is not a constant string");
    }
    delimiter = delimiterNode.value;
  }
  const operand = compileOperand(context, source!);
  if (operand.kind === "list") {
    if (delimiterNode !== undefined || !operand.items.every((item) => typeof item === "string")) {
      return refuse(node, "hierarchy() of a list that is not a list of strings");
    }
    return { kind: "hierarchy", hierarchy: { kind: "constant", segments: operand.items as string[] }, path: "-" };
  }
  if (operand.kind === "collection") {
    return refuse(node, "hierarchy() of a to-many association: the database does not store element order");
  }
  const scalar = asScalar(context, source!, operand);
  const value = scalar.constant?.value;
  if (typeof value === "string") {
    return { kind: "hierarchy", hierarchy: { kind: "constant", segments: splitLikeGo(value, delimiter) }, path: "-" };
  }
  if (scalar.type !== "string") return refuse(node, `hierarchy() of ${scalar.path} (${scalar.type}), not a string`);
  if ([...delimiter].length !== 1) {
    return refuse(
      node,
      'a hierarchy delimiter of other than one character: a longer one can overlap itself ("a:::b" split by "::" ' +
        "is [a, :b]), so segment boundaries are not substring tests",
    );
  }
  return { kind: "hierarchy", hierarchy: { kind: "column", scalar, delimiter }, path: scalar.path };
}

export function asHierarchy(node: PlanNode, operand: Operand): Hierarchy {
  if (operand.kind === "hierarchy") return operand.hierarchy;
  return refuse(node, "expected a hierarchy(...)");
}

/** Condition under which every column hierarchy involved evaluates (not null, not absent). */
export function hierarchyOk(...hierarchies: readonly Hierarchy[]): string {
  return and(...hierarchies.map((h) => (h.kind === "column" ? notNull(h.scalar) : "(1=1)")));
}

function relation(name: Relation) {
  return (node: CallNode, context: Context): Operand => {
    if (node.operands.length !== 2) return refuse(node, "expected 2 operands");
    const [first, second] = node.operands.map((operand) => asHierarchy(node, compileOperand(context, operand)));
    const holds = hierarchyRelation(context, node, name, first!, second!);
    const ok = hierarchyOk(first!, second!);
    const cond: Cond = { t: and(ok, holds), f: and(ok, `(NOT ${holds})`) };
    return { kind: "cond", cond };
  };
}

export const hierarchyOperators = {
  hierarchy,
  ...(Object.fromEntries(RELATIONS.map((name) => [name, relation(name)])) as Record<
    Relation,
    ReturnType<typeof relation>
  >),
};
