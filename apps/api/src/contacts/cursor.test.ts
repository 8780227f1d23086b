import { describe, expect, it } from "vitest";
import { cursorKey, decodeCursor, encodeCursor } from "./cursor.ts";

describe("list cursors", () => {
  it("round-trips and is bound to its sort order", () => {
    const cursor = encodeCursor({ sortBy: "lastName", sortDir: "asc", key: "smyth", id: 1 });
    expect(decodeCursor(cursor, "lastName", "asc")).toEqual({
      sortBy: "lastName",
      sortDir: "asc",
      key: "smyth",
      id: 1,
    });
    expect(() => decodeCursor(cursor, "lastName", "desc")).toThrow("The cursor belongs to another sort order.");
    expect(() => decodeCursor("bm90IGpzb24", "lastName", "asc")).toThrow("The cursor is not valid.");
  });

  it("refuses a date-sorted cursor whose key is not a date (it would reach SQL as a comparison)", () => {
    const forged = encodeCursor({ sortBy: "createdAt", sortDir: "asc", key: "yesterday-ish", id: 1 });
    expect(() => decodeCursor(forged, "createdAt", "asc")).toThrow("The cursor is not valid.");
    const real = encodeCursor({ sortBy: "createdAt", sortDir: "asc", key: "2026-11-25 01:06:28.710 +00:00", id: 1 });
    expect(cursorKey(decodeCursor(real, "createdAt", "asc"))).toEqual(new Date("2026-11-25T01:06:28.710Z"));
  });
});
