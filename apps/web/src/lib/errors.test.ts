import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeError, describeSessionEnd, describeSignInError } from "./errors.ts";

function apiError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return TRPCClientError.from({ error: { code: -32000, message, data: { code, httpStatus: 400, ...extra } } });
}

describe("describeError", () => {
  it("names a denial and gives its Cerbos call id", () => {
    expect(describeError(apiError("FORBIDDEN", "You are not allowed to do this.", { cerbosCallId: "01ABC" }))).toEqual({
      title: "Not allowed by the access policy",
      detail: "You are not allowed to do this.",
      reference: "01ABC",
    });
  });

  it("gives the access policy's reasons for a denial, keeping the call id as the reference", () => {
    const err = apiError("FORBIDDEN", "You are not allowed to do this.", {
      cerbosCallId: "01ABC",
      reasons: ["Only the contact's owner (or an admin) may edit it.", 7],
    });
    expect(describeError(err)).toEqual({
      title: "Not allowed by the access policy",
      detail: "Only the contact's owner (or an admin) may edit it.",
      reasons: ["Only the contact's owner (or an admin) may edit it."],
      reference: "01ABC",
    });
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

  it("shows the API's words for a conflict (the last owner)", () => {
    const err = apiError("CONFLICT", "An organization needs at least one owner: make someone else owner first.");
    expect(describeError(err)).toEqual({
      title: "This change is not possible",
      detail: "An organization needs at least one owner: make someone else owner first.",
    });
  });

  it("explains an unreachable PDP, an unreachable server and any unknown failure", () => {
    expect(describeError(apiError("SERVICE_UNAVAILABLE", "")).detail).toMatch(/cannot be reached/);
    expect(describeError(new TypeError("Failed to fetch")).title).toBe("Cannot reach the server");
    expect(describeError(new Error("boom"))).toEqual({ title: "Something went wrong", detail: "boom" });
  });
});

describe("describeSignInError", () => {
  it("titles a refused sign-in as a wrong username or password, not as a session that ended", () => {
    expect(describeSignInError(apiError("UNAUTHORIZED", "Wrong username or password.")).title).toBe(
      "Wrong username or password",
    );
    expect(describeError(apiError("UNAUTHORIZED", "The token was revoked.")).title).toBe("Your session has ended");
  });

  it("keeps the API's words for a locked-out user", () => {
    const err = apiError("TOO_MANY_REQUESTS", "Too many failed sign-ins for this user: try again in 60 s.");
    expect(describeSignInError(err)).toEqual({
      title: "Too many attempts",
      detail: "Too many failed sign-ins for this user: try again in 60 s.",
    });
  });
});

describe("describeSessionEnd", () => {
  it("says which way a session ended, from the API's authFailure", () => {
    const ended = (authFailure?: string) =>
      describeSessionEnd(apiError("UNAUTHORIZED", "The token is invalid or expired: sign in again.", { authFailure }));
    expect(ended("expired").title).toBe("Your session expired");
    expect(ended("revoked").title).toBe("You were signed out everywhere");
    expect(ended("revoked").detail).toMatch(/administrator/);
    expect(ended("invalid").title).toBe("Your session is no longer valid");
    expect(ended(undefined)).toEqual({
      title: "Your session has ended",
      detail: "The token is invalid or expired: sign in again.",
    });
  });
});
