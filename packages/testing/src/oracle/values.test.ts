import { describe, expect, it } from "vitest";
import { bool, inList, time } from "./values.ts";

describe("oracle column values", () => {
  it("reads a date the same from SQLite text and a Postgres Date", () => {
    const instant = Date.parse("2026-11-25T01:02:03.456Z");
    expect(time("2026-11-25 01:02:03.456 +00:00")).toBe(instant);
    expect(time(new Date(instant))).toBe(instant);
  });

  it("reads booleans from SQLite integers and Postgres booleans, nothing else counts as true", () => {
    expect([true, 1, "1", "t"].map(bool)).toEqual([true, true, true, true]);
    expect([false, 0, null, "0", "true"].map(bool)).toEqual([false, false, false, false, false]);
  });

  it("builds an IN list of placeholders, never of values", () => {
    expect(inList([3, "x'; DROP"])).toEqual({ sql: "(?, ?)", params: [3, "x'; DROP"] });
  });
});
