import { cerbosCallIdOf, errorCode, zodIssuesOf } from "@repo/client";

export interface ErrorDescription {
  title: string;
  detail: string;
  reference?: string;
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
  const detail = raw ?? fallback;
  return reference ? { title, detail, reference } : { title, detail };
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
