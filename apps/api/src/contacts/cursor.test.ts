import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor.ts";

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
});
