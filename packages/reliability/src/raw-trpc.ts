/**
 * tRPC over plain fetch, so tests can send envelopes the typed client never would (wrong types,
 * broken JSON, missing batch keys) and read exactly what came back.
 */

export type CallKind = "query" | "mutation";

export interface RawOutcome {
  /** HTTP status of the whole response. */
  status: number;
  /** The tRPC error code (`BAD_REQUEST`, …) when the call failed; undefined on success. */
  code: string | undefined;
  /** The code (or "OK") of every item of the response (one for a non-batch call); empty when it is no tRPC answer. */
  codes: string[];
  /** The `result.data` of a successful call. */
  data: unknown;
  /** The parsed body, or the raw text when it was not JSON. */
  body: unknown;
}

export interface RawCall {
  baseUrl: string;
  procedure: string;
  kind: CallKind;
  token?: string | undefined;
  /** Any JSON value (sent as batch item 0) … */
  input?: unknown;
  /** … or a hand-made request body / query string, sent as is. */
  rawBody?: string;
  rawQuery?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function rawCall(call: RawCall): Promise<RawOutcome> {
  const headers: Record<string, string> = { ...call.headers };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  const base = `${call.baseUrl}/trpc/${call.procedure}`;
  let response: Response;
  if (call.kind === "query") {
    const query = call.rawQuery ?? `batch=1&input=${encodeURIComponent(JSON.stringify({ 0: call.input }))}`;
    response = await fetch(`${base}?${query}`, { headers, signal: call.signal });
  } else {
    headers["content-type"] ??= "application/json";
    const body = call.rawBody ?? JSON.stringify({ 0: call.input });
    response = await fetch(`${base}?batch=1`, { method: "POST", headers, body, signal: call.signal });
  }
  return outcomeOf(response.status, await response.text());
}

/** What a tRPC answer (status and body text) says: the first item's code and data, every item's code. */
export function outcomeOf(status: number, text: string): RawOutcome {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text so the test can show it.
  }
  const item = Array.isArray(body) ? body[0] : body;
  const items = Array.isArray(body) ? body : isRecord(body) && ("result" in body || "error" in body) ? [body] : [];
  const codes = items.map((entry) => errorCodeOf(entry) ?? "OK");
  return { status, code: errorCodeOf(item), codes, data: resultDataOf(item), body };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function errorCodeOf(item: unknown): string | undefined {
  if (!isRecord(item) || !isRecord(item.error)) return undefined;
  const data = item.error.data;
  if (isRecord(data) && typeof data.code === "string") return data.code;
  // tRPC answers a non-JSON-RPC error (e.g. body parsing) with a message only.
  return "UNKNOWN";
}

function resultDataOf(item: unknown): unknown {
  if (!isRecord(item) || !isRecord(item.result)) return undefined;
  return item.result.data;
}
