import { describe, expect, it } from "vitest";
import { text } from "./validation.ts";

describe("text input", () => {
  const name = text({ min: 1, max: 20 });

  it("accepts unicode, emoji and SQL metacharacters", () => {
    for (const value of ["Zoë", "😀 ok", "50% off_\\", "' OR 1=1 --"]) expect(name.safeParse(value).success).toBe(true);
  });

  it("refuses NUL and lone surrogates, which the PDP and Postgres cannot take", () => {
    expect(name.safeParse("a\u0000b").error?.issues[0]?.message).toBe("must not contain NUL characters");
    expect(name.safeParse("\ud800").error?.issues[0]?.message).toBe("must be well-formed Unicode (no lone surrogates)");
    expect(name.safeParse("x\udc00").success).toBe(false);
  });
});
