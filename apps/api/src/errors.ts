import { TRPCError } from "@trpc/server";

/** Carried as the cause of a FORBIDDEN error so the error formatter can expose the call id. */
export class AccessDenied extends Error {
  override name = "AccessDenied";
  constructor(readonly cerbosCallId: string) {
    super("access denied by policy");
  }
}

/** The PDP did not answer in time, or not at all. */
export class PdpUnavailable extends Error {
  override name = "PdpUnavailable";
}

export function forbidden(cerbosCallId: string, message = "You are not allowed to do this."): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message, cause: new AccessDenied(cerbosCallId) });
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
}

export function pdpUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "The authorization service is unavailable; try again shortly.",
    cause,
  });
}

/** Logged in full, never returned: the client only learns that the server failed. */
export function internal(reason: string, cause?: unknown): TRPCError {
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: reason, cause });
}
