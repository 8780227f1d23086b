import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contactListInput, loginInput } from "./schemas.ts";

const importsOf = (file: string) =>
  [...readFileSync(new URL(file, import.meta.url), "utf8").matchAll(/^import .* from "([^"]+)";$/gm)].map(
    (match) => match[1],
  );

describe("the input schemas (@repo/api/schemas, re-exported as @repo/client/schemas)", () => {
  it("import nothing but zod, so the browser can bundle them without server code", () => {
    expect(importsOf("./schemas.ts")).toEqual(["zod", "./validation.ts"]);
    expect(importsOf("./validation.ts")).toEqual(["zod"]);
  });

  it("are the API's own validation: defaults and limits as the procedures apply them", () => {
    expect(contactListInput.parse(undefined)).toEqual({ sortBy: "lastName", sortDir: "asc", limit: 20 });
    expect(contactListInput.safeParse({ limit: 51 }).success).toBe(false);
    expect(loginInput.parse({ username: " john ", password: "x" })).toEqual({ username: "john", password: "x" });
  });
});
