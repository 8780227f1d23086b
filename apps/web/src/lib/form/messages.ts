/** How a field is named in messages, and what to say when it is left empty. */
export interface FieldWords {
  label: string;
  /** "Enter a first name." (default: "Enter <label, lower case>.") */
  missing?: string;
}

/** A validation issue as zod reports it, in the browser or in the API's BAD_REQUEST data. */
export interface RawIssue {
  code?: unknown;
  message?: unknown;
  path?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const items = (n: unknown, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * A zod issue in words written for people: "Enter a first name." rather than
 * "Too small: expected string to have >=1 characters".
 */
export function humanMessage(issue: RawIssue, words: FieldWords): string {
  const { label } = words;
  const apiMessage = typeof issue.message === "string" ? issue.message : "";
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return words.missing ?? `Enter ${lower(label)}.`;
      if (issue.origin === "string")
        return `${label} needs at least ${items(issue.minimum, "character", "characters")}.`;
      if (issue.origin === "array") return `Choose at least ${String(issue.minimum)}.`;
      return `${label} is too small.`;
    case "too_big":
      if (issue.origin === "string")
        return `${label} can be at most ${items(issue.maximum, "character", "characters")}.`;
      if (issue.origin === "array") return `Choose at most ${String(issue.maximum)} ${lower(label)}.`;
      return `${label} is too large.`;
    case "invalid_type":
      return words.missing ?? `Enter ${lower(label)}.`;
    case "invalid_value":
    case "invalid_format":
      return `${label} is not valid.`;
    default:
      // A refinement's own message ("must not contain NUL characters") reads after the field's name.
      if (/^[a-z]/.test(apiMessage)) return `${label} ${apiMessage}.`.replace(/\.\.$/, ".");
      return apiMessage || `${label} is not valid.`;
  }
}

/** Issues → one message per top-level field (the first issue of each field wins). */
export function fieldMessages<F extends string>(
  issues: readonly RawIssue[],
  fields: Record<F, FieldWords>,
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = Array.isArray(issue.path) ? String(issue.path[0] ?? "") : "";
    if (!(field in fields)) continue;
    const key = field as F;
    out[key] ??= humanMessage(issue, fields[key]);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The raw zod issues of an API BAD_REQUEST (its errorFormatter sends them as `data.zodIssues`). */
export function serverIssuesOf(err: unknown): RawIssue[] {
  const data = isRecord(err) ? err.data : undefined;
  const issues = isRecord(data) ? data.zodIssues : undefined;
  return Array.isArray(issues) ? issues.filter(isRecord) : [];
}
