import { cerbosCallIdOf, errorCode, zodIssuesOf } from "@repo/client";

export interface ErrorDescription {
  title: string;
  detail: string;
  /** A denial's reasons, in the access policy's own words (shown as a list). */
  reasons?: string[];
  /** A denial's Cerbos call id (admins look it up: #/admin/decisions). */
  reference?: string;
}

function dataOf(err: unknown): Record<string, unknown> | undefined {
  const data = typeof err === "object" && err !== null ? (err as { data?: unknown }).data : undefined;
  return typeof data === "object" && data !== null ? (data as Record<string, unknown>) : undefined;
}

/** FORBIDDEN's `data.reasons`: the policy's words for the denial ([] when it gave none). */
export function reasonsOf(err: unknown): string[] {
  const reasons = dataOf(err)?.reasons;
  return Array.isArray(reasons) ? reasons.filter((reason): reason is string => typeof reason === "string") : [];
}

/** UNAUTHORIZED's `data.authFailure`: why there is no session (`expired`, `revoked`, …). */
export function authFailureOf(err: unknown): string | undefined {
  const failure = dataOf(err)?.authFailure;
  return typeof failure === "string" ? failure : undefined;
}

const titles: Record<string, string> = {
  FORBIDDEN: "Not allowed by the access policy",
  UNAUTHORIZED: "Your session has ended",
  NOT_FOUND: "Not found",
  BAD_REQUEST: "Please check the form",
  CONFLICT: "This change is not possible",
  SERVICE_UNAVAILABLE: "Service unavailable",
  TOO_MANY_REQUESTS: "Too many attempts",
  INTERNAL_SERVER_ERROR: "Something went wrong on the server",
};

// Used when the API's own message is missing or not meant for people (a zod error's JSON).
const fallbacks: Record<string, string> = {
  FORBIDDEN: "The access policy does not allow you to do this.",
  UNAUTHORIZED: "Please sign in again.",
  NOT_FOUND: "It does not exist, or it is in an organization you do not belong to.",
  BAD_REQUEST: "Some fields are not valid; the messages are shown next to them.",
  CONFLICT: "Someone changed this at the same time; reload and try again.",
  SERVICE_UNAVAILABLE: "The authorization service cannot be reached right now. Nothing was changed; try again shortly.",
  TOO_MANY_REQUESTS: "Too many failed attempts. Wait a moment before trying again.",
  INTERNAL_SERVER_ERROR:
    "The server could not answer. Nothing was changed; try again, and tell support if it persists.",
};

function messageOf(err: unknown): string | undefined {
  return err instanceof Error && err.message ? err.message : undefined;
}

/** The browser could not reach the API at all (offline, server down): fetch's TypeError. */
function isNetworkFailure(err: unknown): boolean {
  return errorCode(err) === undefined && /fetch|network/i.test(messageOf(err) ?? "");
}

/** Turns any error into words a user can act on, with the Cerbos call id of a denial. */
export function describeError(err: unknown): ErrorDescription {
  if (isNetworkFailure(err)) {
    return { title: "Cannot reach the server", detail: "Check your connection, then try again." };
  }
  const code = errorCode(err);
  const reference = cerbosCallIdOf(err);
  const title = (code && titles[code]) ?? "Something went wrong";
  const fallback = (code && fallbacks[code]) ?? "Something went wrong; try again.";
  const raw = code === "INTERNAL_SERVER_ERROR" || zodIssuesOf(err).length > 0 ? undefined : messageOf(err);
  const reasons = code === "FORBIDDEN" ? reasonsOf(err) : [];
  const detail = reasons.length > 0 ? reasons.join(" ") : (raw ?? fallback);
  return { title, detail, ...(reasons.length > 0 ? { reasons } : {}), ...(reference ? { reference } : {}) };
}

const sessionEnded: Record<string, { title: string; detail: string }> = {
  expired: {
    title: "Your session expired",
    detail: "Sign-ins do not last forever. Sign in again to go on where you were.",
  },
  revoked: {
    title: "You were signed out everywhere",
    detail:
      "You signed out on another tab or device, or an administrator changed your account (a ban signs you out). Sign in again.",
  },
  invalid: {
    title: "Your session is no longer valid",
    detail: "The server did not accept your sign-in (it may have been reconfigured). Sign in again.",
  },
  idp: { title: "Your identity provider session ended", detail: "Sign in again." },
};

/** What the sign-in page says after an UNAUTHORIZED ended the session, by the API's `authFailure`. */
export function describeSessionEnd(err: unknown): { title: string; detail: string } {
  const known = sessionEnded[authFailureOf(err) ?? ""];
  if (known && authFailureOf(err) === "idp" && messageOf(err)) return { ...known, detail: messageOf(err) ?? "" };
  return known ?? { title: "Your session has ended", detail: messageOf(err) ?? "Please sign in again." };
}

/** At sign-in an UNAUTHORIZED is a wrong username or password, not the end of a session. */
export function describeSignInError(err: unknown): ErrorDescription {
  if (errorCode(err) === "UNAUTHORIZED") {
    return {
      title: "Wrong username or password",
      detail: "Check both and try again. Passwords are case-sensitive.",
    };
  }
  return describeError(err);
}
