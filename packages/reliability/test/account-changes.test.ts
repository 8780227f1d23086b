import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ContactsApi, contactsApi } from "../src/contacts-api.ts";
import { rawCall } from "../src/raw-trpc.ts";
import { openSqlite } from "../src/sqlite-reader.ts";
import { type ApiStack, login, loginAll, serverBase, startApiStack } from "../src/stack.ts";

// What a user may do follows the database on every request: a ban, a sign-out, a deletion, a new
// department or a lost membership takes effect at once, with the token the user already holds.
describe("account changes", () => {
  let stack: ApiStack;
  let base: string;
  let api: ContactsApi;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    stack = await startApiStack({ cerbosUrl: inject("cerbosUrl") });
    base = serverBase(stack.url);
    api = contactsApi(base);
    tokens = await loginAll(base, ["alice", "john", "geri"]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const me = (headers: Record<string, string>) =>
    rawCall({ baseUrl: base, procedure: "auth.me", kind: "query", headers });
  it("a banned user's token loses its rights on the next request", async () => {
    const sarah = await login(base, "sarah");
    expect((await api.list(sarah, { limit: 5 })).code).toBeUndefined();
    const ban = await rawCall({
      baseUrl: base,
      procedure: "users.ban",
      kind: "mutation",
      token: tokens.alice,
      input: { userId: "sarah" },
    });
    expect(ban.code).toBeUndefined();
    const afterBan = await Promise.all([
      api.list(sarah, { limit: 5 }),
      api.create(sarah, { organizationId: 1, firstName: "Banned", lastName: "Write" }),
      api.get(sarah, 3),
    ]);
    expect(afterBan.map((outcome) => outcome.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"]);
    // Signing in again gives a token, but not the rights the policies tie to not being banned.
    const again = await login(base, "sarah");
    const create = await api.create(again, { organizationId: 1, firstName: "Banned", lastName: "Write" });
    expect(create.code).toBe("FORBIDDEN");
    const unban = await rawCall({
      baseUrl: base,
      procedure: "users.unban",
      kind: "mutation",
      token: tokens.alice,
      input: { userId: "sarah" },
    });
    expect(unban.code).toBeUndefined();
    const db = await openSqlite(stack.dbFile);
    expect(await db.all("SELECT id FROM contacts WHERE lastName = 'Write'")).toEqual([]);
    await db.close();
  });

  it("signing out revokes every token of the user", async () => {
    const first = await login(base, "olga");
    const second = await login(base, "olga");
    const logout = await rawCall({ baseUrl: base, procedure: "auth.logout", kind: "mutation", token: first });
    expect(logout.code).toBeUndefined();
    const after = await Promise.all([
      me({ authorization: `Bearer ${first}` }),
      me({ authorization: `Bearer ${second}` }),
    ]);
    expect(after.map((outcome) => outcome.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED"]);
  });

  it("a changed department or lost membership takes effect on the next request, same token", async () => {
    const john = await login(base, "john");
    const geri = await login(base, "geri");
    const draft = { organizationId: 1, firstName: "Dept", lastName: "Change" };
    const writer = await openSqlite(stack.dbFile, "write");
    try {
      await writer.all("UPDATE users SET department = 'Marketing' WHERE id = 'john'");
      const asMarketing = await api.create(john, draft);
      await writer.all("UPDATE users SET department = 'Sales' WHERE id = 'john'");
      const asSalesAgain = await api.create(john, draft);
      expect([asMarketing.code, asSalesAgain.code]).toEqual(["FORBIDDEN", undefined]);

      expect((await api.get(geri, 1)).code).toBeUndefined();
      const removed = await rawCall({
        baseUrl: base,
        procedure: "organizations.removeMember",
        kind: "mutation",
        token: tokens.alice,
        input: { organizationId: 1, userId: "geri" },
      });
      expect(removed.code).toBeUndefined();
      const afterRemoval = await Promise.all([api.get(geri, 1), api.list(geri, { organizationId: 1 }), api.list(geri)]);
      expect(afterRemoval.map((outcome) => outcome.code)).toEqual(["NOT_FOUND", "NOT_FOUND", undefined]);
      expect((afterRemoval[2]!.data as { items: unknown[] }).items).toEqual([]);
    } finally {
      await writer.all("UPDATE users SET department = 'Sales' WHERE id = 'john'");
      await writer.close();
    }
  });

  it("a deleted user's token stops working on the next request", async () => {
    const writer = await openSqlite(stack.dbFile, "write");
    // A throwaway user (copy of ivan's row, same password) created and deleted behind the API's back.
    await writer.all(
      `INSERT INTO users (id, username, email, name, passwordHash, role, department, isBanned, tokenVersion, createdAt, updatedAt)
       SELECT 'temp', 'temp', 'temp@example.com', 'Temp', passwordHash, 'user', 'Sales', 0, 0, createdAt, updatedAt FROM users WHERE id = 'ivan'`,
    );
    await writer.all(
      "INSERT INTO memberships (userId, organizationId, role, createdAt, updatedAt) VALUES ('temp', 1, 'member', datetime('now'), datetime('now'))",
    );
    const temp = await login(base, "temp");
    expect((await me({ authorization: `Bearer ${temp}` })).code).toBeUndefined();
    await writer.all("DELETE FROM memberships WHERE userId = 'temp'");
    await writer.all("DELETE FROM users WHERE id = 'temp'");
    await writer.close();
    const after = await Promise.all([
      me({ authorization: `Bearer ${temp}` }),
      api.list(temp),
      api.create(temp, { organizationId: 1, firstName: "Ghost", lastName: "Write" }),
    ]);
    expect(after.map((outcome) => outcome.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"]);
  });
});
