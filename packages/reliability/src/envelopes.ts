import fc from "fast-check";
import { deepJsonText, hostileString } from "./hostile.ts";
import type { RawCall } from "./raw-trpc.ts";

/** Requests no tRPC client would send: broken JSON, wrong batch keys, wrong methods, huge bodies. */
export type Envelope = Omit<RawCall, "baseUrl" | "token">;

const queries = ["contacts.list", "contacts.get", "auth.me", "organizations.members"];
const mutations = ["contacts.create", "contacts.update", "companies.create", "users.ban", "auth.login"];

const postBody = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "null",
    "[]",
    "{}",
    '{"1":{}}',
    '{"0":null}',
    "true",
    '{"0":{"id":1}',
    '[{"id":1}]',
    '{"0":1e999}',
  ),
  fc.string({ maxLength: 200 }),
  hostileString.map((text) => JSON.stringify({ 0: text })),
  deepJsonText.map((deep) => `{"0":{"id":${deep},"organizationId":${deep}}}`),
  fc
    .integer({ min: 1, max: 6 })
    .map((megabytes) => JSON.stringify({ 0: { firstName: "x".repeat(megabytes * 1_000_000) } })),
);

const query = fc.oneof(
  fc.constantFrom(
    "batch=1&input=%E0%A4%A",
    "batch=1&input={",
    "batch=1&input=null",
    "input=[]",
    "batch=abc",
    "batch=1",
  ),
  fc.string({ maxLength: 100 }).map((text) => `batch=1&input=${encodeURIComponent(text)}`),
  deepJsonText
    .filter((text) => text.length < 6000)
    .map((deep) => `batch=1&input=${encodeURIComponent(`{"0":${deep}}`)}`),
);

export const envelope: fc.Arbitrary<Envelope> = fc.oneof(
  fc.record({
    procedure: fc.constantFrom(...mutations),
    kind: fc.constant("mutation" as const),
    rawBody: postBody,
    headers: fc.constantFrom<Record<string, string>>(
      {},
      { "content-type": "text/plain" },
      { "content-type": "application/x-www-form-urlencoded" },
      { "content-type": "application/json; charset=utf-16" },
    ),
  }),
  fc.record({ procedure: fc.constantFrom(...queries), kind: fc.constant("query" as const), rawQuery: query }),
  // Unknown or oddly named procedures, batches of several, a mutation over GET and a query over POST.
  fc.record({
    procedure: fc.oneof(
      fc.constantFrom("contacts.nope", "__proto__", "contacts.list,contacts.get", "contacts..list", "constructor.name"),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    ),
    kind: fc.constantFrom("query" as const, "mutation" as const),
    input: fc.constant({ id: 1 }),
  }),
  fc.record({
    procedure: fc.constantFrom("contacts.create", "users.ban"),
    kind: fc.constant("query" as const),
    input: fc.constant({ id: 1 }),
  }),
  fc.record({
    procedure: fc.constantFrom("contacts.list", "auth.me"),
    kind: fc.constant("mutation" as const),
    input: fc.constant({}),
  }),
);

/** What a malformed envelope may be answered with: tRPC's protocol errors are client errors too. */
export const envelopeCodes = new Set([
  "OK",
  "BAD_REQUEST",
  "PARSE_ERROR",
  "METHOD_NOT_SUPPORTED",
  "UNSUPPORTED_MEDIA_TYPE",
  "NOT_FOUND",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
]);
