import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack } from "../src/testing/index.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

// A ban means: the user signs in and reads, but writes nothing (policies: `banned-no-writes` on
// every write action of every kind). bruno (banned, Sales) is a member of Globex and owns
// contact 8 there; olga owns Globex and is banned here by alice.

describe.each(dialectsWithMariadb)("bans (%s)", (dialect) => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn(dialect);
  });
  afterAll(() => app?.stop());

  const count = async (sql: string) => Number((await app.sql.all<{ n: number }>(sql))[0]?.n);

  it("bruno signs in and reads, but neither rewrites his own contact nor writes anything else", async () => {
    const bruno = await app.as("bruno");
    expect((await bruno.auth.me.query()).user.isBanned).toBe(true);
    expect((await bruno.contacts.get.query({ id: 8 })).allowedActions).toEqual({
      read: true,
      update: false,
      delete: false,
    });
    expect((await bruno.contacts.list.query({ organizationId: 2 })).items.length).toBeGreaterThan(0);
    expect((await bruno.organizations.members.query({ organizationId: 2 })).length).toBeGreaterThan(0);
    expect((await bruno.contacts.permissions.query({ organizationId: 2 })).canCreate).toBe(false);

    const writes = {
      "contacts.update (tag his own contact public)": bruno.contacts.update.mutate({ id: 8, tags: ["public"] }),
      "contacts.update (rename)": bruno.contacts.update.mutate({ id: 8, firstName: "Rewritten" }),
      "contacts.delete": bruno.contacts.delete.mutate({ id: 8 }),
      "contacts.create": bruno.contacts.create.mutate({ organizationId: 2, firstName: "Banned", lastName: "Write" }),
      "companies.create": bruno.companies.create.mutate({ organizationId: 2, name: "Banned Co" }),
      "companies.update": bruno.companies.update.mutate({ id: 5, name: "Banned Co" }),
      "notes.create": bruno.notes.create.mutate({ contactId: 8, body: "banned note" }),
    };
    const codes: Record<string, string | undefined> = {};
    for (const [name, call] of Object.entries(writes)) codes[name] = (await errorOf(call)).code;
    expect(codes).toEqual(Object.fromEntries(Object.keys(writes).map((name) => [name, "FORBIDDEN"])));

    const contact = await bruno.contacts.get.query({ id: 8 });
    expect({ firstName: contact.firstName, tags: contact.tags }).toEqual({ firstName: "Milton", tags: [] });
    expect(await count(`SELECT COUNT(*) AS n FROM contacts WHERE "lastName" = 'Write'`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM companies WHERE name = 'Banned Co'`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM notes WHERE body = 'banned note'`)).toBe(0);
  });

  it("a banned owner still sees her organization's members but manages none of them", async () => {
    const alice = await app.as("alice");
    await alice.users.ban.mutate({ userId: "olga" });
    try {
      const olga = await app.as("olga");
      expect((await olga.organizations.members.query({ organizationId: 2 })).map((m) => m.userId)).toContain("bill");
      const attempts = [
        olga.organizations.addMember.mutate({ organizationId: 2, userId: "john", role: "owner" }),
        olga.organizations.assignRole.mutate({ organizationId: 2, userId: "bill", role: "owner" }),
        olga.organizations.removeMember.mutate({ organizationId: 2, userId: "ivan" }),
      ];
      expect(await Promise.all(attempts.map(async (attempt) => (await errorOf(attempt)).code))).toEqual([
        "FORBIDDEN",
        "FORBIDDEN",
        "FORBIDDEN",
      ]);
      const roles = await app.sql.all<{ userId: string; role: string }>(
        `SELECT "userId", role FROM memberships WHERE "organizationId" = 2 ORDER BY "userId"`,
      );
      expect(roles.map((row) => `${row.userId}:${row.role}`)).toEqual([
        "bill:billing",
        "bruno:member",
        "ivan:member",
        "olga:owner",
        "sarah:member",
      ]);
    } finally {
      await alice.users.unban.mutate({ userId: "olga" });
    }
  });
});
