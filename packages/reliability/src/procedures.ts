import fc from "fast-check";
import { anyJson, hostileId, hostileLimit, hostileRecord, hostileString } from "./hostile.ts";
import type { CallKind } from "./raw-trpc.ts";

/** Every procedure of the API with an arbitrary of hostile inputs for it. */
export interface ProcedureSpec {
  name: string;
  kind: CallKind;
  input: fc.Arbitrary<unknown>;
  /** Which of the up-front tokens may be used; logout and bans would revoke the fuzzers' own sessions. */
  tokens: "any" | "invalid-only";
}

export const userIds = ["alice", "john", "sarah", "geri", "ivan", "bruno", "bill", "olga", "mallory"];
const someUserId = fc.oneof(fc.constantFrom(...userIds), hostileString);
const role = fc.oneof(fc.constantFrom("owner", "member", "billing"), hostileString);
const sortBy = fc.oneof(fc.constantFrom("firstName", "lastName", "createdAt", "updatedAt", "company"), hostileString);
const tagNames = fc.array(fc.oneof(fc.constantFrom("public", "vip"), hostileString), { maxLength: 25 });
const name = fc.oneof(fc.constantFrom("Fuzz", "100% Juice", "under_score", "back\\slash"), hostileString);
const website = fc.oneof(fc.constantFrom("https://ok.example", "javascript:alert(1)", "ftp://x", null), hostileString);

/** Cursors of other users and orders (collected from the API), forged ones, and noise. */
export function cursorArbitrary(realCursors: string[]): fc.Arbitrary<unknown> {
  const forged = fc
    .record({ sortBy, sortDir: fc.constantFrom("asc", "desc", "up"), key: anyJson, id: anyJson })
    .map((cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url"));
  return realCursors.length > 0
    ? fc.oneof(fc.constantFrom(...realCursors), forged, hostileString)
    : fc.oneof(forged, hostileString);
}

export function procedureSpecs(realCursors: string[]): ProcedureSpec[] {
  const q = (name: string, input: fc.Arbitrary<unknown>): ProcedureSpec => ({
    name,
    kind: "query",
    input,
    tokens: "any",
  });
  const m = (name: string, input: fc.Arbitrary<unknown>): ProcedureSpec => ({
    name,
    kind: "mutation",
    input,
    tokens: "any",
  });
  const noInput = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: anyJson });
  const byId = hostileRecord({ id: hostileId });
  const contactFields = {
    organizationId: hostileId,
    firstName: name,
    lastName: name,
    companyId: fc.oneof(hostileId, fc.constant(null)),
    isActive: fc.boolean(),
    marketingOptIn: fc.boolean(),
    tags: tagNames,
    ownerId: someUserId,
  };
  return [
    m(
      "auth.login",
      hostileRecord({ username: someUserId, password: fc.oneof(fc.constant("password123"), hostileString) }),
    ),
    q("auth.me", noInput),
    { name: "auth.logout", kind: "mutation", input: noInput, tokens: "invalid-only" },
    q(
      "contacts.list",
      fc.oneof(
        { weight: 1, arbitrary: fc.constant(undefined) },
        {
          weight: 9,
          arbitrary: hostileRecord({
            organizationId: hostileId,
            search: hostileString,
            companyId: hostileId,
            isActive: fc.boolean(),
            tag: fc.oneof(fc.constantFrom("public", "vip"), hostileString),
            sortBy,
            sortDir: fc.constantFrom("asc", "desc", "ASC", "sideways"),
            limit: hostileLimit,
            cursor: cursorArbitrary(realCursors),
            offset: hostileLimit,
          }),
        },
      ),
    ),
    q("contacts.get", byId),
    m("contacts.create", hostileRecord(contactFields)),
    m("contacts.update", hostileRecord({ id: hostileId, ...contactFields })),
    m("contacts.delete", byId),
    q("contacts.permissions", hostileRecord({ organizationId: hostileId })),
    q("companies.list", hostileRecord({ organizationId: hostileId, limit: hostileLimit, offset: hostileLimit })),
    q("companies.get", byId),
    m("companies.create", hostileRecord({ organizationId: hostileId, name, website })),
    m("companies.update", hostileRecord({ id: hostileId, name, website })),
    q("organizations.list", noInput),
    q("organizations.get", byId),
    q("organizations.billing", hostileRecord({ organizationId: hostileId })),
    q("organizations.members", hostileRecord({ organizationId: hostileId })),
    m("organizations.assignRole", hostileRecord({ organizationId: hostileId, userId: someUserId, role })),
    m("organizations.addMember", hostileRecord({ organizationId: hostileId, userId: someUserId, role })),
    m("organizations.removeMember", hostileRecord({ organizationId: hostileId, userId: someUserId })),
    q("users.list", noInput),
    // Bans revoke tokens: aim them away from the users whose tokens drive the fuzzing.
    m("users.ban", hostileRecord({ userId: fc.oneof(fc.constantFrom("bruno", "mallory"), hostileString) })),
    m("users.unban", hostileRecord({ userId: fc.oneof(fc.constantFrom("bruno", "mallory"), hostileString) })),
    q("tags.list", noInput),
    q("health", noInput),
  ];
}

/** Codes a client error may carry; login may also be rate limited. */
export const clientErrorCodes = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
]);

export function allowedCodes(procedure: string): Set<string> {
  return procedure === "auth.login" ? new Set([...clientErrorCodes, "TOO_MANY_REQUESTS"]) : clientErrorCodes;
}
