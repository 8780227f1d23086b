import { SignJWT } from "jose";
import { Op } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack, testClient, testSecret } from "../src/testing/index.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

async function forgedToken(secret: string, claims: { sub: string; tv: number; exp: number }) {
  return new SignJWT({ tv: claims.tv })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer("repo-api")
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));
}

describe.each(dialectsWithMariadb)("authentication (%s)", (dialect) => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn(dialect);
  });
  afterAll(() => app?.stop());

  it("signs in with the demo password and returns a token and the user", async () => {
    const result = await app.anonymous.auth.login.mutate({ username: "john", password: "password123" });
    expect(result.user).toEqual({
      id: "john",
      username: "john",
      name: "John Sales",
      email: "john@example.com",
      role: "user",
      department: "Sales",
      isBanned: false,
    });
    const me = await testClient(app.url, result.token).auth.me.query();
    expect(me.memberships).toEqual([{ organizationId: 1, role: "member" }]);
  });

  it("answers UNAUTHORIZED without a token, with a malformed header, an expired token or a wrong signature", async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = {
      missing: testClient(app.url),
      malformed: testClient(app.url, "Token abc"),
      garbage: testClient(app.url, "not.a.jwt"),
      expired: testClient(app.url, await forgedToken(testSecret, { sub: "john", tv: 0, exp: now - 60 })),
      wrongSecret: testClient(
        app.url,
        await forgedToken("another-secret-another-secret-0000", { sub: "john", tv: 0, exp: now + 600 }),
      ),
      unknownUser: testClient(app.url, await forgedToken(testSecret, { sub: "nobody", tv: 0, exp: now + 600 })),
    };
    const messages: Record<string, string> = {};
    for (const [name, client] of Object.entries(cases)) {
      const error = await errorOf(client.contacts.list.query({}));
      expect(error.code, name).toBe("UNAUTHORIZED");
      expect(error.httpStatus, name).toBe(401);
      messages[name] = error.message;
    }
    expect(messages).toMatchInlineSnapshot(`
      {
        "expired": "The token is invalid or expired: sign in again.",
        "garbage": "The token is invalid or expired: sign in again.",
        "malformed": "The Authorization header must be \`Bearer <token>\`.",
        "missing": "Sign in: this call needs a bearer token.",
        "unknownUser": "The token was revoked (signed out or account changed): sign in again.",
        "wrongSecret": "The token is invalid or expired: sign in again.",
      }
    `);
  });

  it("refuses a wrong password and rate limits repeated failures with counters in the database", async () => {
    const wrong = await errorOf(app.anonymous.auth.login.mutate({ username: "geri", password: "nope" }));
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe("Wrong username or password.");
    for (let attempt = 2; attempt <= 5; attempt++) {
      await errorOf(app.anonymous.auth.login.mutate({ username: "geri", password: `nope${attempt}` }));
    }
    // Counted per (address, account) and per account (every address): the test client is 127.0.0.1.
    const rows = await app.api.sequelize.models.LoginAttempt!.findAll({
      attributes: ["key", "failures"],
      where: { key: { [Op.like]: "% geri" } },
      order: [["key", "ASC"]],
      raw: true,
    });
    expect(rows).toEqual([
      { key: "account geri", failures: 5 },
      { key: "pair 127.0.0.1 geri", failures: 5 },
    ]);
    // Even the right password is not checked now (and the spelling of the name does not matter).
    const limited = await errorOf(app.anonymous.auth.login.mutate({ username: " GERI ", password: "password123" }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.httpStatus).toBe(429);
    // Another user is not affected.
    await expect(app.anonymous.auth.login.mutate({ username: "john", password: "password123" })).resolves.toBeTruthy();
  });

  it("parallel guesses are limited as strictly as sequential ones", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        errorOf(app.anonymous.auth.login.mutate({ username: "bill", password: `guess-${index}` })),
      ),
    );
    const codes = guesses.map((guess) => guess.code);
    expect(codes.filter((code) => code === "UNAUTHORIZED").length).toBe(5);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS").length).toBe(7);
  });

  it("logout revokes the user's tokens at once", async () => {
    const sarah = await app.as("sarah");
    await expect(sarah.auth.me.query()).resolves.toMatchObject({ user: { id: "sarah" } });
    await sarah.auth.logout.mutate();
    expect((await errorOf(sarah.auth.me.query())).code).toBe("UNAUTHORIZED");
    const again = await app.as("sarah");
    await expect(again.auth.me.query()).resolves.toMatchObject({ user: { id: "sarah" } });
  });

  it("banning revokes tokens; the banned user signs in again but may no longer create (policy)", async () => {
    const alice = await app.as("alice");
    const olga = await app.as("olga");
    expect(await olga.contacts.permissions.query({ organizationId: 2 })).toEqual({ canCreate: true, reasons: [] });
    expect(await alice.users.ban.mutate({ userId: "olga" })).toMatchObject({ id: "olga", isBanned: true });
    expect((await errorOf(olga.auth.me.query())).code).toBe("UNAUTHORIZED");

    const bannedOlga = await app.as("olga");
    expect(await bannedOlga.contacts.permissions.query({ organizationId: 2 })).toMatchObject({ canCreate: false });
    const denied = await errorOf(
      bannedOlga.contacts.create.mutate({ organizationId: 2, firstName: "A", lastName: "B" }),
    );
    expect(denied.code).toBe("FORBIDDEN");
    // Still reads and updates her own contacts (the policy tests say so too).
    expect(await bannedOlga.contacts.get.query({ id: 6 })).toMatchObject({ ownerId: "olga" });

    await alice.users.unban.mutate({ userId: "olga" });
    const unbanned = await app.as("olga");
    expect(await unbanned.contacts.permissions.query({ organizationId: 2 })).toEqual({ canCreate: true, reasons: [] });
  });

  it("user administration is for admins only", async () => {
    const john = await app.as("john");
    expect((await errorOf(john.users.list.query())).code).toBe("FORBIDDEN");
    expect((await errorOf(john.users.ban.mutate({ userId: "sarah" }))).code).toBe("FORBIDDEN");
    const alice = await app.as("alice");
    const { items: users, total } = await alice.users.list.query();
    expect(total).toBe(8);
    expect(users.map((user) => user.id)).toEqual(["alice", "bill", "bruno", "geri", "ivan", "john", "olga", "sarah"]);
    expect(users.find((user) => user.id === "bruno")?.isBanned).toBe(true);
  });

  it("user administration is decided by Cerbos: no self-ban, and a missing user is NOT_FOUND only for admins", async () => {
    const alice = await app.as("alice");
    const selfBan = await errorOf(alice.users.ban.mutate({ userId: "alice" }));
    expect(selfBan.code).toBe("FORBIDDEN");
    expect(selfBan.cerbosCallId).toMatch(/^[0-9A-Z]{26}$/);
    expect((await errorOf(alice.users.ban.mutate({ userId: "nobody" }))).code).toBe("NOT_FOUND");
    const john = await app.as("john");
    expect((await errorOf(john.users.ban.mutate({ userId: "nobody" }))).code).toBe("FORBIDDEN");
    expect((await alice.auth.me.query()).user).toMatchObject({ id: "alice", isBanned: false });
  });

  it("invalid input is BAD_REQUEST with the zod issues in the error data", async () => {
    const john = await app.as("john");
    const error = await errorOf(john.contacts.list.query({ limit: 500, sortBy: "passwordHash" as "lastName" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.zodIssues).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_value",
          "message": "Invalid option: expected one of "firstName"|"lastName"|"createdAt"|"updatedAt"|"company"",
          "path": [
            "sortBy",
          ],
          "values": [
            "firstName",
            "lastName",
            "createdAt",
            "updatedAt",
            "company",
          ],
        },
        {
          "code": "too_big",
          "inclusive": true,
          "maximum": 100,
          "message": "Too big: expected number to be <=100",
          "origin": "number",
          "path": [
            "limit",
          ],
        },
      ]
    `);
  });

  it("text with a NUL character is BAD_REQUEST on every dialect, never a database error", async () => {
    const john = await app.as("john");
    const error = await errorOf(
      john.contacts.create.mutate({ organizationId: 1, firstName: "a\u0000b", lastName: "c" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.zodIssues).toMatchObject([{ path: ["firstName"], message: "must not contain NUL characters" }]);
    expect((await errorOf(john.contacts.list.query({ search: "\u0000" }))).code).toBe("BAD_REQUEST");
    // Ids beyond the Postgres INTEGER range are refused before any query.
    expect((await errorOf(john.contacts.get.query({ id: 2 ** 40 }))).code).toBe("BAD_REQUEST");
  });

  it("health reports the database and the PDP, as a procedure and as plain JSON", async () => {
    expect(await app.anonymous.health.query()).toEqual({ database: "ok", pdp: "ok" });
    const traced = await fetch(`${app.url}/trpc/health`, { headers: { "x-request-id": "trace-me-123" } });
    expect(traced.headers.get("x-request-id")).toBe("trace-me-123");
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ database: "ok", pdp: "ok" });
  });
});
