import { errorCode } from "@repo/client";

// Asking again cannot change a denial, a missing row or an invalid request.
const final = new Set(["FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "UNAUTHORIZED"]);

/** Whether a "Try again" button makes sense for this error (outages, timeouts, network). */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return code === undefined || !final.has(code);
}
