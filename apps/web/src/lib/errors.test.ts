import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeError } from "./errors.ts";

function apiError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return TRPCClientError.from({ error: { code: -32000, message, data: { code, httpStatus: 400, ...extra } } });
}

describe("describeError", () => {
  it("names a denial and gives its Cerbos call id", () => {
    expect(
      describeError(apiError("FORBIDDEN", "You are not allowed to do this.", { cerbosCallId: "01ABC" })),
    ).toMatchInlineSnapshot(`
        {
          "detail": "You are not allowed to do this.",
          "reference": "01ABC",
          "title": "Not allowed by the access policy",
        }
      `);
  });

  it("does not show a validation error's raw message (the fields show the issues)", () => {
    const err = apiError("BAD_REQUEST", '[{"path":["firstName"]}]', {
      zodIssues: [{ path: ["firstName"], message: "Too small" }],
    });
    expect(describeError(err)).toEqual({
      title: "Please check the form",
      detail: "Some fields are not valid; the messages are shown next to them.",
    });
  });

  it("explains an unreachable PDP and any unknown failure", () => {
    expect(describeError(apiError("SERVICE_UNAVAILABLE", "")).detail).toMatch(/cannot be reached/);
    expect(describeError(new TypeError("Failed to fetch"))).toEqual({
      title: "Something went wrong",
      detail: "Failed to fetch",
    });
  });
});
