import { PlanKind as CerbosPlanKind } from "@cerbos/core";
import { Sequelize } from "sequelize";
import { describe, expect, it } from "vitest";
import { PlanKind, queryPlanToSequelize } from "./index.ts";

describe("PlanKind: the package's own strings, equal to @cerbos/core's enum", () => {
  it("has the SDK's values", () => {
    expect({ ...PlanKind }).toEqual({
      ALWAYS_ALLOWED: CerbosPlanKind.ALWAYS_ALLOWED,
      ALWAYS_DENIED: CerbosPlanKind.ALWAYS_DENIED,
      CONDITIONAL: CerbosPlanKind.CONDITIONAL,
    });
  });

  it("a result's kind compares with either (type-checked: both are the SDK's member types)", () => {
    const sequelize = new Sequelize({ dialect: "sqlite", storage: ":memory:", logging: false });
    const model = sequelize.define("Thing", {});
    const result = queryPlanToSequelize({ queryPlan: { kind: "KIND_ALWAYS_DENIED" }, model, mapper: {} });
    const sdk: boolean = result.kind === CerbosPlanKind.ALWAYS_DENIED;
    const own: boolean = result.kind === PlanKind.ALWAYS_DENIED;
    const typed: { kind: PlanKind.ALWAYS_DENIED } | { kind: CerbosPlanKind.ALWAYS_ALLOWED } = {
      kind: PlanKind.ALWAYS_DENIED,
    };
    expect([sdk, own, typed.kind]).toEqual([true, true, "KIND_ALWAYS_DENIED"]);
  });
});
