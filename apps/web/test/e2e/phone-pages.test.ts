import { describe, expect, it } from "vitest";
import { browserScenario } from "./scenario.ts";
import { tour } from "./tour.ts";

const scenario = browserScenario("phone");

describe("every page at 390 px", () => {
  it("fits the width of a phone: nothing scrolls sideways", async () => {
    const visits = await tour(scenario.page, scenario.stack.url, "phone");
    expect(visits.map((v) => `${v.name}: ${v.overflow}`)).toEqual(visits.map((v) => `${v.name}: 0`));
  });
});
