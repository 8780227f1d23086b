import { describe, expect, it } from "vitest";
import { figure, Report, round } from "./report.ts";

describe("Report", () => {
  it("lists a declared row that was never filled as missing, and a failed row with its error", () => {
    const report = new Report();
    const section = report.section("Lists", ["size", "user"], ["ms"], "intro");
    section.expect(["10", "sales"]);
    section.expect(["10", "admin"]);
    section.set(["10", "sales"], ["1.00"]);
    section.fail(["100", "sales"], new Error("PDP down"));
    expect(report.problems()).toMatchInlineSnapshot(`
      [
        "Lists: row "10 · admin" is missing",
        "Lists: row "100 · sales" errored: PDP down",
      ]
    `);
  });

  it("has no problems once every declared row is set", () => {
    const report = new Report();
    const section = report.section("Data", ["contacts"], ["rows"], "intro");
    section.expect(["10"]);
    section.set(["10"], ["21"]);
    expect(report.problems()).toEqual([]);
  });

  it("renders missing and errored rows visibly in the markdown table", () => {
    const report = new Report();
    const section = report.section("T", ["k"], ["a", "b"], "intro");
    section.expect(["x"]);
    section.fail(["y"], new Error("bad | value"));
    expect(report.markdown()).toContain("| x | **MISSING** |  |");
    expect(report.markdown()).toContain("| y | **ERROR** bad / value |  |");
  });

  it("refuses a row whose cell count does not match the columns", () => {
    const section = new Report().section("T", ["k"], ["a", "b"], "intro");
    expect(() => section.set(["x"], ["1"])).toThrowErrorMatchingInlineSnapshot(`[Error: T: 1 cells for 2 columns]`);
  });
});

describe("figure", () => {
  it("prints median [min–max] with a precision that fits the magnitude", () => {
    expect(figure({ median: 12.345, min: 0.5, max: 1234.5, runs: 5 }, "ms")).toBe("12.3 ms [0.500–1,235]");
    expect(round(7.256)).toBe("7.26");
  });
});
