import type { TRPCError } from "@trpc/server";

// How much one HTTP request may ask of the API. Each call of a batch may ask the PDP (200
// `contacts.get` in one batch were 200 CheckResources), so a batch is bounded; so is a body.
// The browser's client (packages/client, httpBatchLink `maxItems`) stays below `maxBatchSize`.

/** Calls in one HTTP batch; more: the whole batch is refused (BAD_REQUEST, nothing runs). */
export const maxBatchSize = 20;

/** Bytes in one request body (20 note edits of 5,000 characters, JSON-escaped, stay under 700 KB). */
export const maxBodySize = 1024 * 1024;

/** The client-facing words for tRPC's own refusals of an oversized request (it says less). */
export function limitMessage(error: TRPCError): string | undefined {
  if (error.code === "BAD_REQUEST" && error.message === "Batch call exceeds maximum size") {
    return `A batch may carry at most ${maxBatchSize} calls: send fewer at once (httpBatchLink maxItems).`;
  }
  if (error.code === "PAYLOAD_TOO_LARGE") return `A request body may be at most ${maxBodySize / 1024} KiB.`;
  return undefined;
}
