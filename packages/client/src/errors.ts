/**
 * Helpers that read the API's error data. They take `unknown` because a catch clause or a
 * react-query `error` is untyped, and check structure rather than `instanceof`, so an error
 * from a second copy of @trpc/client (or one that crossed a worker boundary) still reads.
 */

/** One validation problem from the API's zod issues, as the client receives it. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function errorData(err: unknown): Record<string, unknown> | undefined {
  if (!isRecord(err)) return undefined;
  const data = err.data;
  return isRecord(data) ? data : undefined;
}

/** The tRPC error code (`FORBIDDEN`, `UNAUTHORIZED`, `BAD_REQUEST`, …), or undefined. */
export function errorCode(err: unknown): string | undefined {
  const code = errorData(err)?.code;
  return typeof code === "string" ? code : undefined;
}

export function isForbidden(err: unknown): boolean {
  return errorCode(err) === "FORBIDDEN";
}

export function isUnauthorized(err: unknown): boolean {
  return errorCode(err) === "UNAUTHORIZED";
}

/** The Cerbos call id of a denied request: the decision is in the PDP's audit log under it. */
export function cerbosCallIdOf(err: unknown): string | undefined {
  const id = errorData(err)?.cerbosCallId;
  return typeof id === "string" && id !== "" ? id : undefined;
}

function toFieldIssue(value: unknown): FieldIssue | undefined {
  if (!isRecord(value) || typeof value.message !== "string") return undefined;
  const rawPath = Array.isArray(value.path) ? value.path : [];
  const path = rawPath.filter((part): part is string | number => typeof part === "string" || typeof part === "number");
  return typeof value.code === "string"
    ? { path, message: value.message, code: value.code }
    : { path, message: value.message };
}

/** The zod issues of a BAD_REQUEST; an empty list for any other error. */
export function zodIssuesOf(err: unknown): FieldIssue[] {
  const issues = errorData(err)?.zodIssues;
  if (!Array.isArray(issues)) return [];
  return issues.map(toFieldIssue).filter((issue): issue is FieldIssue => issue !== undefined);
}

/** The zod issues keyed by their first path segment, for showing each next to its field. */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of zodIssuesOf(err)) {
    const field = String(issue.path[0] ?? "");
    byField[field] = byField[field] ? `${byField[field]}; ${issue.message}` : issue.message;
  }
  return byField;
}
