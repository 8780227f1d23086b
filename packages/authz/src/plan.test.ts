import { describe, expect, it } from "vitest";
import { recordedPlan, recordedWirePlan } from "../test/fixtures/plans.ts";
import { type PlanNode, readNode, readPlan } from "./plan.ts";

/** The planner nests and orders and/or differently from call to call: compare them flattened, as sets. */
function canonical(node: PlanNode): unknown {
  if (node.type !== "call") return node;
  const { operator } = node;
  if (operator !== "and" && operator !== "or") return { operator, operands: node.operands.map(canonical) };
  const flat = (n: PlanNode): PlanNode[] =>
    n.type === "call" && n.operator === operator ? n.operands.flatMap(flat) : [n];
  const operands = flat(node).map((n) => JSON.stringify(canonical(n)));
  return { operator, operands: operands.sort() };
}

describe("readPlan", () => {
  it("reads the SDK form and the raw HTTP form of the same recorded plan into the same AST", () => {
    const sdk = readPlan(recordedPlan("contact.read.john"));
    const wire = readPlan(recordedWirePlan("wire.contact.read.john"));
    if (sdk.kind !== "KIND_CONDITIONAL" || wire.kind !== "KIND_CONDITIONAL")
      throw new Error("expected conditional plans");
    expect(canonical(wire.condition)).toEqual(canonical(sdk.condition));
  });

  it("reads unconditional plans", () => {
    expect(readPlan(recordedPlan("contact.read.alice"))).toEqual({ kind: "KIND_ALWAYS_ALLOWED" });
    expect(readPlan(recordedPlan("contact.create.geri"))).toEqual({ kind: "KIND_ALWAYS_DENIED" });
  });

  it("fails closed on validation errors, unknown kinds and unknown node shapes", () => {
    const plan = recordedPlan("contact.read.john");
    expect(() =>
      readPlan({ ...plan, validationErrors: [{ path: "/x", message: "bad", source: "SOURCE_RESOURCE" }] }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[UnsupportedQueryPlanError: Cannot translate Cerbos query plan: operator "plan" at "-": the plan carries validation errors: [{"path":"/x","message":"bad","source":"SOURCE_RESOURCE"}]]`,
    );
    expect(() => readPlan({ ...plan, kind: "KIND_SOMETIMES" })).toThrowErrorMatchingInlineSnapshot(
      `[UnsupportedQueryPlanError: Cannot translate Cerbos query plan: operator "plan" at "-": unknown plan kind "KIND_SOMETIMES"]`,
    );
    expect(() => readPlan({ kind: "KIND_CONDITIONAL", validationErrors: [] })).toThrowErrorMatchingInlineSnapshot(
      `[UnsupportedQueryPlanError: Cannot translate Cerbos query plan: operator "plan" at "-": a conditional plan without a condition]`,
    );
    expect(() => readNode({ operator: "eq" })).toThrowErrorMatchingInlineSnapshot(
      `[UnsupportedQueryPlanError: Cannot translate Cerbos query plan: operator "plan" at "-": expression node of unknown shape: {"operator":"eq"}]`,
    );
    expect(() => readPlan(null)).toThrowErrorMatchingInlineSnapshot(
      `[UnsupportedQueryPlanError: Cannot translate Cerbos query plan: operator "plan" at "-": the query plan is not an object]`,
    );
  });
});
