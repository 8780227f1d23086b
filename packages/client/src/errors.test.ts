import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { cerbosCallIdOf, errorCode, fieldErrorsOf, isForbidden, isUnauthorized, zodIssuesOf } from "./errors.ts";

/** An error exactly as the client builds it from an API error response. */
function apiError(code: string, extra: Record<string, unknown> = {}) {
  return TRPCClientError.from({
    error: { code: -32000, message: `${code} message`, data: { code, httpStatus: 400, ...extra } },
  });
}

describe("error helpers", () => {
  it("read the tRPC code", () => {
    expect(errorCode(apiError("NOT_FOUND"))).toBe("NOT_FOUND");
    expect(isForbidden(apiError("FORBIDDEN"))).toBe(true);
    expect(isForbidden(apiError("UNAUTHORIZED"))).toBe(false);
    expect(isUnauthorized(apiError("UNAUTHORIZED"))).toBe(true);
  });

  it("answer nothing for errors that are not API errors", () => {
    for (const err of [new Error("network down"), "boom", null, undefined, { data: "x" }]) {
      expect(errorCode(err)).toBeUndefined();
      expect(isForbidden(err)).toBe(false);
      expect(cerbosCallIdOf(err)).toBeUndefined();
      expect(zodIssuesOf(err)).toEqual([]);
    }
  });

  it("read the Cerbos call id of a denial", () => {
    expect(cerbosCallIdOf(apiError("FORBIDDEN", { cerbosCallId: "01HXYZ" }))).toBe("01HXYZ");
    expect(cerbosCallIdOf(apiError("FORBIDDEN", { cerbosCallId: 42 }))).toBeUndefined();
  });

  it("read zod issues, dropping malformed entries, and group them by field", () => {
    const err = apiError("BAD_REQUEST", {
      zodIssues: [
        { code: "too_small", path: ["firstName"], message: "Too short" },
        { code: "custom", path: ["firstName"], message: "Not blank" },
        { path: ["tags", 0], message: "Unknown tag" },
        { path: ["x"] },
        "junk",
      ],
    });
    expect(zodIssuesOf(err)).toEqual([
      { code: "too_small", path: ["firstName"], message: "Too short" },
      { code: "custom", path: ["firstName"], message: "Not blank" },
      { path: ["tags", 0], message: "Unknown tag" },
    ]);
    expect(fieldErrorsOf(err)).toEqual({ firstName: "Too short; Not blank", tags: "Unknown tag" });
  });
});
