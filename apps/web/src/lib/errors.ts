import { cerbosCallIdOf, errorCode, zodIssuesOf } from "@repo/client";

export interface ErrorDescription {
  title: string;
  detail: string;
  reference?: string;
}

const titles: Record<string, string> = {
  FORBIDDEN: "Not allowed by the access policy",
  UNAUTHORIZED: "Signed out",
  NOT_FOUND: "Not found",
  BAD_REQUEST: "Please check the form",
  SERVICE_UNAVAILABLE: "Service unavailable",
  TOO_MANY_REQUESTS: "Too many attempts",
};

// Used when the API's own message is missing or not meant for people (a zod error's JSON).
const fallbacks: Record<string, string> = {
  FORBIDDEN: "The access policy does not allow you to do this.",
  UNAUTHORIZED: "Your session has ended. Please sign in again.",
  NOT_FOUND: "It does not exist, or it is in an organization you do not belong to.",
  BAD_REQUEST: "Some fields are not valid; the messages are shown next to them.",
  SERVICE_UNAVAILABLE: "The authorization service cannot be reached right now. Nothing was changed; try again shortly.",
  TOO_MANY_REQUESTS: "Too many failed attempts. Wait a moment before trying again.",
};

function messageOf(err: unknown): string | undefined {
  return err instanceof Error && err.message ? err.message : undefined;
}

/** Turns any error into words a user can act on, with the Cerbos call id of a denial. */
export function describeError(err: unknown): ErrorDescription {
  const code = errorCode(err);
  const reference = cerbosCallIdOf(err);
  const title = (code && titles[code]) ?? "Something went wrong";
  const fallback = (code && fallbacks[code]) ?? "Something went wrong; try again.";
  const apiMessage = zodIssuesOf(err).length > 0 ? undefined : messageOf(err);
  const detail = apiMessage ?? fallback;
  return reference ? { title, detail, reference } : { title, detail };
}
