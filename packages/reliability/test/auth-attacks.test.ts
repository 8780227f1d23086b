import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signToken, tamperPayload, unsignedTokens } from "../src/forge.ts";
import { rawCall } from "../src/raw-trpc.ts";
import { openSqlite } from "../src/sqlite-reader.ts";
import { type ApiStack, login, loginAll, serverBase, startApiStack, testSecret } from "../src/stack.ts";

// Every way a caller can lie about who they are must end in UNAUTHORIZED, claims the client adds
// are ignored, and guessing passwords is rate limited. (Bans, sign-out, deletion: account-changes.)
describe("authentication attacks", () => {
  let stack: ApiStack;
  let base: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    stack = await startApiStack({ cerbosUrl: inject("cerbosUrl") });
    base = serverBase(stack.url);
    tokens = await loginAll(base, ["alice", "john", "geri"]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const me = (headers: Record<string, string>) =>
    rawCall({ baseUrl: base, procedure: "auth.me", kind: "query", headers });
  const listWith = (headers: Record<string, string>) =>
    rawCall({ baseUrl: base, procedure: "contacts.list", kind: "query", input: {}, headers });
  const createWith = (headers: Record<string, string>) =>
    rawCall({
      baseUrl: base,
      procedure: "contacts.create",
      kind: "mutation",
      input: { organizationId: 1, firstName: "Forged", lastName: "Token" },
      headers,
    });

  it("refuses missing, malformed, expired, wrong-secret, unsigned and tampered tokens", async () => {
    const now = Math.floor(Date.now() / 1000);
    const john = tokens.john!;
    const attacks: Record<string, Record<string, string>> = {
      missing: {},
      empty: { authorization: "" },
      "bearer only": { authorization: "Bearer " },
      "not a JWT": { authorization: "Bearer not-a-token" },
      "basic scheme": { authorization: `Basic ${Buffer.from("alice:password123").toString("base64")}` },
      "token without scheme": { authorization: john },
      "two tokens": { authorization: `Bearer ${john} ${john}` },
      "garbage segments": { authorization: "Bearer aaaa.bbbb.cccc" },
      expired: { authorization: `Bearer ${await signToken(testSecret, { sub: "alice", exp: now - 60 })}` },
      "wrong secret": {
        authorization: `Bearer ${await signToken("another-secret-of-at-least-32-chars!!", { sub: "alice" })}`,
      },
      "wrong issuer": { authorization: `Bearer ${await signToken(testSecret, { sub: "alice", iss: "evil" })}` },
      "future token version": { authorization: `Bearer ${await signToken(testSecret, { sub: "alice", tv: 99 })}` },
      "unknown user": { authorization: `Bearer ${await signToken(testSecret, { sub: "mallory" })}` },
      "tampered subject": { authorization: `Bearer ${tamperPayload(john, { sub: "alice" })}` },
      "tampered expiry": { authorization: `Bearer ${tamperPayload(john, { exp: now + 10 * 365 * 86400 })}` },
      ...Object.fromEntries(
        unsignedTokens({ sub: "alice" }).map((token, index) => [
          `alg none #${index}`,
          { authorization: `Bearer ${token}` },
        ]),
      ),
    };
    const outcomes: Record<string, string> = {};
    for (const [name, headers] of Object.entries(attacks)) {
      const results = await Promise.all([me(headers), listWith(headers), createWith(headers)]);
      outcomes[name] = [...new Set(results.map((result) => result.code ?? "OK"))].join(",");
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attacks).map((name) => [name, "UNAUTHORIZED"])));

    const db = await openSqlite(stack.dbFile);
    expect(await db.all("SELECT id FROM contacts WHERE lastName = 'Token'")).toEqual([]);
    await db.close();
    // The genuine token still works: the refusals above were about the forgeries.
    expect((await me({ authorization: `Bearer ${john}` })).code).toBeUndefined();
  });

  it("ignores roles and departments the client sends", async () => {
    const geri = tokens.geri!;
    // A correctly signed token (as if the secret leaked into a claim-stuffing attempt) with extra claims.
    const stuffed = await signToken(testSecret, {
      sub: "geri",
      extra: { role: "admin", roles: ["admin"], department: "Sales", organizationIds: [1, 2] },
    });
    const attempts = [
      await createWith({ authorization: `Bearer ${stuffed}` }),
      await createWith({ authorization: `Bearer ${geri}`, "x-user-role": "admin", "x-department": "Sales" }),
      await rawCall({
        baseUrl: base,
        procedure: "contacts.create",
        kind: "mutation",
        token: geri,
        input: { organizationId: 1, firstName: "Forged", lastName: "Token", role: "admin", department: "Sales" },
      }),
    ];
    expect(attempts.map((attempt) => attempt.code)).toEqual(
      attempts.map((attempt) => (attempt.code === "BAD_REQUEST" ? "BAD_REQUEST" : "FORBIDDEN")),
    );
    expect(attempts.filter((attempt) => attempt.code === "FORBIDDEN").length).toBeGreaterThanOrEqual(2);
    // geri (Marketing) reads only opted-in active contacts, whatever she claims.
    const listed = await rawCall({
      baseUrl: base,
      procedure: "contacts.list",
      kind: "query",
      token: stuffed,
      input: { limit: 50 },
    });
    const ids = (listed.data as { items: { id: number }[] }).items.map((item) => item.id).sort((a, b) => a - b);
    expect(ids).toEqual([1, 5]);
    const db = await openSqlite(stack.dbFile);
    expect(await db.all("SELECT id FROM contacts WHERE lastName = 'Token'")).toEqual([]);
    await db.close();
  });

  it("rate limits a parallel brute force as strictly as a sequential one", async () => {
    // An attacker sends guesses at once, not one by one: at most the limit may be evaluated.
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        rawCall({
          baseUrl: base,
          procedure: "auth.login",
          kind: "mutation",
          input: { username: "bill", password: `parallel-guess-${index}` },
        }),
      ),
    );
    const codes = guesses.map((guess) => guess.code ?? "OK");
    expect(codes.filter((code) => code !== "UNAUTHORIZED" && code !== "TOO_MANY_REQUESTS")).toEqual([]);
    const evaluated = codes.filter((code) => code === "UNAUTHORIZED").length;
    expect(evaluated, `${evaluated} of 25 parallel guesses were checked against the password`).toBeLessThanOrEqual(5);
  });

  it("rate limits login brute force, also under spelling variants of the name", async () => {
    const codes: string[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const username = attempt % 3 === 0 ? "ivan" : attempt % 3 === 1 ? "IVAN" : " ivan ";
      const outcome = await rawCall({
        baseUrl: base,
        procedure: "auth.login",
        kind: "mutation",
        input: { username, password: `guess-${attempt}` },
      });
      codes.push(outcome.code ?? "OK");
    }
    expect(codes.filter((code) => code === "OK")).toEqual([]);
    expect(codes.slice(-4)).toEqual([
      "TOO_MANY_REQUESTS",
      "TOO_MANY_REQUESTS",
      "TOO_MANY_REQUESTS",
      "TOO_MANY_REQUESTS",
    ]);
    expect(codes.indexOf("TOO_MANY_REQUESTS")).toBeLessThanOrEqual(10);
    // Locked out: even the right password is refused until the window ends …
    const right = await rawCall({
      baseUrl: base,
      procedure: "auth.login",
      kind: "mutation",
      input: { username: "ivan", password: "password123" },
    });
    expect(right.code).toBe("TOO_MANY_REQUESTS");
    // … while other users are not affected.
    expect(await login(base, "olga")).toMatch(/\./);
  });
});
