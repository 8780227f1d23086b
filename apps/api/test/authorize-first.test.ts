import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaughtError, errorOf, type TestStack } from "../src/testing/index.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

// Issue 14, defect 2: every write is authorized first (the resource as it is and as it will
// be), its references are validated after, and no error says what the caller may not read.
// Globex (organization 2): olga owner, ivan and bruno members, bill billing (bill may not list
// its members). Contact 6 is olga's, in Globex; company 5 is Globex's, companies 1-4 Acme's.

const shape = (error: CaughtError) => `${error.code}: ${error.message}`;

describe.each(dialectsWithMariadb)("authorize first, validate after (%s)", (dialect) => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn(dialect);
  });
  afterAll(() => app?.stop());

  it("bill's probe: naming any owner of contact 6 is FORBIDDEN alike, members of Globex or not", async () => {
    const bill = await app.as("bill");
    const answers = new Map<string, string>();
    for (const ownerId of ["olga", "ivan", "bruno", "john", "sarah", "alice", "nobody"]) {
      answers.set(ownerId, shape(await errorOf(bill.contacts.update.mutate({ id: 6, ownerId }))));
    }
    expect(new Set(answers.values()), JSON.stringify(Object.fromEntries(answers))).toEqual(
      new Set([answers.get("olga")]),
    );
    expect(answers.get("olga")).toMatch(/^FORBIDDEN: /);
    // Without the owner change, the same FORBIDDEN: the contact is not his to edit.
    expect(shape(await errorOf(bill.contacts.update.mutate({ id: 6, firstName: "x" })))).toMatch(/^FORBIDDEN: /);
  });

  it("a caller who may not write learns nothing from the references of the write", async () => {
    const geri = await app.as("geri"); // Marketing: creates no contact, edits none of john's
    const wrongReferences = [
      { companyId: 5 }, // Globex's company
      { companyId: 999 }, // no such company
      { tags: ["no-such-tag"] },
      { ownerId: "nobody" },
      { ownerId: "olga" }, // not in Acme
      { organizationId: 2 }, // an organization she is not in: NOT_FOUND, like a missing one
    ];
    const creates = await Promise.all(
      wrongReferences.map((references) =>
        errorOf(geri.contacts.create.mutate({ organizationId: 1, firstName: "P", lastName: "Probe", ...references })),
      ),
    );
    const updates = await Promise.all(
      wrongReferences.map((references) => errorOf(geri.contacts.update.mutate({ id: 1, ...references }))),
    );
    expect([...creates, ...updates].map((error) => error.code)).toEqual([
      ...["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"],
      ...["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"],
    ]);
    expect(await errorOf(geri.contacts.create.mutate({ organizationId: 2, firstName: "P", lastName: "P" }))).toEqual(
      await errorOf(geri.contacts.create.mutate({ organizationId: 999, firstName: "P", lastName: "P" })),
    );
  });

  it("member management and bans: FORBIDDEN alike whether the named user exists or belongs", async () => {
    const geri = await app.as("geri"); // a member of Acme, not an owner
    const john = await app.as("john"); // no admin
    const answers = async (call: (userId: string) => Promise<unknown>) =>
      new Set(await Promise.all(["sarah", "olga", "nobody"].map(async (userId) => shape(await errorOf(call(userId))))));
    for (const tried of [
      await answers((userId) => geri.organizations.addMember.mutate({ organizationId: 1, userId, role: "owner" })),
      await answers((userId) => geri.organizations.assignRole.mutate({ organizationId: 1, userId, role: "owner" })),
      await answers((userId) => geri.organizations.removeMember.mutate({ organizationId: 1, userId })),
      await answers((userId) => john.users.ban.mutate({ userId })),
    ]) {
      expect(tried.size, [...tried].join(" | ")).toBe(1);
      expect([...tried][0]).toMatch(/^FORBIDDEN: /);
    }
  });

  it("someone allowed to write still has the references validated, after the check", async () => {
    const john = await app.as("john"); // Sales, member of Acme
    const alice = await app.as("alice"); // admin: may name any owner (listMembers everywhere)
    const draft = { organizationId: 1, firstName: "Ref", lastName: "Check" };
    expect(shape(await errorOf(john.contacts.create.mutate({ ...draft, companyId: 5 })))).toBe(
      "BAD_REQUEST: Company 5 is not in organization 1.",
    );
    expect(shape(await errorOf(john.contacts.create.mutate({ ...draft, companyId: 999 })))).toBe(
      "BAD_REQUEST: Company 999 is not in organization 1.",
    );
    expect(shape(await errorOf(john.contacts.create.mutate({ ...draft, tags: ["no-such-tag"] })))).toBe(
      "BAD_REQUEST: Unknown tag(s): no-such-tag.",
    );
    expect(shape(await errorOf(alice.contacts.update.mutate({ id: 1, ownerId: "olga" })))).toBe(
      "BAD_REQUEST: User olga is not a member of organization 1.",
    );
    const moved = await alice.contacts.update.mutate({ id: 1, ownerId: "sarah" });
    expect(moved.ownerId).toBe("sarah");
    const rows = await app.sql.all<{ n: number }>(`SELECT COUNT(*) AS n FROM contacts WHERE "lastName" = 'Check'`);
    expect(Number(rows[0]?.n)).toBe(0);
  });
});
