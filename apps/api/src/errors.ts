import { TRPCError } from "@trpc/server";
import type { AuthFailure } from "./context.ts";

// Every error a procedure answers is made here, so the codes and messages a client acts on
// (README: "Errors a client can act on") are in one file.

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

/** The PDP denied: FORBIDDEN with the Cerbos call id (the decision is in the PDP's audit log). */
export function forbidden(cerbosCallId: string, message = "You are not allowed to do this."): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message, cause: new AccessDenied(cerbosCallId) });
}

/** FORBIDDEN by a rule of the API itself (no PDP decision, so no call id). */
export function notAllowed(message: string): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message });
}

/** Carried as the cause of an UNAUTHORIZED error so the error formatter can say why (`data.authFailure`). */
export class AuthFailed extends Error {
  override name = "AuthFailed";
  constructor(readonly authFailure: AuthFailure) {
    super(`no session: ${authFailure}`);
  }
}

/** No valid session: a missing, malformed, expired, revoked token, or wrong credentials. */
export function unauthorized(message: string, authFailure?: AuthFailure): TRPCError {
  return new TRPCError({
    code: "UNAUTHORIZED",
    message,
    cause: authFailure ? new AuthFailed(authFailure) : undefined,
  });
}

export function tooManyRequests(message: string): TRPCError {
  return new TRPCError({ code: "TOO_MANY_REQUESTS", message });
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found.` });
}

/** Input that is well-formed but refers to something it may not (another organization's company, an unknown tag). */
export function badRequest(message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message });
}

export function conflict(message: string): TRPCError {
  return new TRPCError({ code: "CONFLICT", message });
}

/** A version-checked write found the row changed since it was read (and checked). */
export function changedMeanwhile(what: string): TRPCError {
  return conflict(`The ${what} changed since it was read: reload it and try again.`);
}

export function pdpUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "The authorization service is unavailable; try again shortly.",
    cause,
  });
}

/** The database is down or restarting: nothing was read or written that the client is told of. */
export function databaseUnavailable(cause: unknown): TRPCError {
  return new TRPCError({
    code: "SERVICE_UNAVAILABLE",
    message: "The database is unavailable; try again shortly.",
    cause,
  });
}

/** Logged in full, never returned: the client only learns that the server failed. */
export function internal(reason: string, cause?: unknown): TRPCError {
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: reason, cause });
}
