import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  companyListInput,
  contactListInput,
  loginInput,
  noteListInput,
  organizationListInput,
  userListInput,
} from "./schemas.ts";

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
    expect(contactListInput.parse(undefined)).toEqual({
      sortBy: "lastName",
      sortDir: "asc",
      limit: 20,
      withTotal: true,
    });
    expect(contactListInput.safeParse({ limit: 100 }).success).toBe(true);
    expect(contactListInput.safeParse({ limit: 101 }).success).toBe(false);
    expect(contactListInput.safeParse({ cursor: "c", offset: 5 }).success).toBe(false);
    // Every list: its old default page, at most 100 rows.
    expect(companyListInput.parse(undefined)).toEqual({ limit: 50 });
    expect(organizationListInput.parse(undefined)).toEqual({ limit: 50 });
    expect(userListInput.parse(undefined)).toEqual({ limit: 100 });
    expect(noteListInput.parse({ contactId: 1 })).toEqual({ contactId: 1, limit: 20 });
    for (const schema of [companyListInput, organizationListInput, userListInput]) {
      expect(schema.safeParse({ limit: 100 }).success).toBe(true);
      expect(schema.safeParse({ limit: 101 }).success).toBe(false);
    }
    expect(noteListInput.safeParse({ contactId: 1, limit: 101 }).success).toBe(false);
    expect(loginInput.parse({ username: " john ", password: "x" })).toEqual({ username: "john", password: "x" });
  });
});
