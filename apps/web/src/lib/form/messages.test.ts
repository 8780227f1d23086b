import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldMessages, humanMessage, serverIssuesOf } from "./messages.ts";

const fields = {
  firstName: { label: "First name", missing: "Enter a first name." },
  tags: { label: "Tags" },
};
const schema = z.object({ firstName: z.string().trim().min(1).max(5), tags: z.array(z.string()).max(2) });

describe("validation messages for people", () => {
  it("say what to do, not zod's wording", () => {
    const issues = schema.safeParse({ firstName: "  ", tags: [] }).error?.issues ?? [];
    expect(fieldMessages(issues, fields)).toEqual({ firstName: "Enter a first name." });
  });

  it("name the limit of a long value and of a long list", () => {
    const issues = schema.safeParse({ firstName: "Bartholomew", tags: ["a", "b", "c"] }).error?.issues ?? [];
    expect(fieldMessages(issues, fields)).toEqual({
      firstName: "First name can be at most 5 characters.",
      tags: "Choose at most 2 tags.",
    });
  });

  it("put a refinement's message after the field's name", () => {
    expect(humanMessage({ code: "custom", message: "must not contain NUL characters" }, fields.firstName)).toBe(
      "First name must not contain NUL characters.",
    );
  });

  it("read the API's zod issues from a BAD_REQUEST and ignore unknown fields", () => {
    const err = {
      data: {
        code: "BAD_REQUEST",
        zodIssues: [
          { code: "too_small", origin: "string", minimum: 1, path: ["firstName"], message: "Too small" },
          { code: "custom", path: ["organizationId"], message: "x" },
          "junk",
        ],
      },
    };
    expect(fieldMessages(serverIssuesOf(err), fields)).toEqual({ firstName: "Enter a first name." });
    expect(serverIssuesOf(new Error("no data"))).toEqual([]);
  });
});
