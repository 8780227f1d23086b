import { describe, expect, it } from "vitest";
import { browserScenario } from "./scenario.ts";
import { tour } from "./tour.ts";

const scenario = browserScenario("desktop");

describe("every page at 1280 px", () => {
  it("has its own title, no serious or critical axe-core violation, and no sideways scrolling", async () => {
    const visits = await tour(scenario.page, scenario.stack.url, "desktop");
    expect(visits.map((v) => v.name)).toHaveLength(15);
    expect(
      visits.flatMap((v) => v.violations.map((x) => `${v.name}: ${x.id} (${x.impact}) ${x.targets.join(", ")}`)),
    ).toEqual([]);
    expect(visits.filter((v) => v.overflow > 0).map((v) => v.name)).toEqual([]);
    const titles = new Set(visits.map((v) => v.title));
    // Every route names itself (the sign-in page twice: before and after an empty submit).
    expect(titles.size).toBe(visits.length - 1);
    for (const title of titles) expect(title).toMatch(/ · Contacts directory$/);
  });
});
