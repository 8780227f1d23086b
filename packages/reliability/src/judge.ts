import type { RawOutcome } from "./raw-trpc.ts";

/** HTTP statuses Node's own parser answers with (no tRPC body) when a request is too large. */
const tooLargeStatuses = new Set([413, 414, 431]);

/**
 * Why an outcome is unacceptable, or undefined when it is a success or an allowed client error.
 * Every code of a batch answer must be allowed; a 5xx or a non-tRPC answer is never acceptable,
 * except Node refusing an oversized request line or body.
 */
export function judgeOutcome(outcome: RawOutcome, allowed: ReadonlySet<string>): string | undefined {
  if (tooLargeStatuses.has(outcome.status) && outcome.codes.length === 0 && typeof outcome.body === "string") {
    return undefined;
  }
  if (outcome.status >= 500) return `HTTP ${outcome.status}: ${preview(outcome.body)}`;
  if (outcome.codes.length === 0) {
    const code = outcome.code;
    if (code !== undefined && allowed.has(code)) return undefined;
    return `HTTP ${outcome.status} without a tRPC batch answer: ${preview(outcome.body)}`;
  }
  const bad = outcome.codes.filter((code) => code !== "OK" && !allowed.has(code));
  return bad.length > 0 ? `codes ${bad.join(",")} (HTTP ${outcome.status}): ${preview(outcome.body)}` : undefined;
}

export function preview(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
