import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, type TestStack } from "../src/testing/index.ts";
import { rawLogin } from "./support/http.ts";
import { dialectsWithMariadb, stackOn } from "./support/stack.ts";

// Issue 14, lock-out as a weapon: guessing stays bounded per (account, client address), and
// nobody can lock a user out from somewhere else. The client address is the socket's, or
// X-Forwarded-For's only when the socket is a trusted proxy (TRUSTED_PROXIES: here 127.0.0.3).
const attacker = "127.0.0.2";
const proxy = "127.0.0.3";

describe.each(dialectsWithMariadb)("login limits per account and address (%s)", (dialect) => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn(dialect, { trustedProxies: [proxy] });
  });
  afterAll(() => app?.stop());

  it("50 wrong passwords for alice from 127.0.0.2 (half forging X-Forwarded-For) do not keep alice out", async () => {
    const guess = (index: number) =>
      rawLogin(
        app.url,
        { username: "alice", password: `guess-${index}` },
        { localAddress: attacker, headers: index % 2 === 0 ? { "x-forwarded-for": "127.0.0.1" } : {} },
      );
    const codes: string[] = [];
    const aliceDuringAttack: string[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const [outcomes, alice] = await Promise.all([
        Promise.all(Array.from({ length: 10 }, (_, index) => guess(wave * 10 + index))),
        wave === 2 ? rawLogin(app.url, { username: "alice", password: demoPassword }) : undefined,
      ]);
      codes.push(...outcomes.map((outcome) => outcome.code));
      if (alice) aliceDuringAttack.push(alice.code);
    }
    // The attacker's guesses: at most the limit were checked against the password, the forged
    // header changed nothing (it is no trusted proxy's), and the rest were refused.
    expect(codes.filter((code) => code !== "UNAUTHORIZED" && code !== "TOO_MANY_REQUESTS")).toEqual([]);
    expect(codes.filter((code) => code === "UNAUTHORIZED").length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(45);
    // alice, from her own address, signed in in the middle of the attack, and still does after it.
    expect(aliceDuringAttack).toEqual(["OK"]);
    expect((await rawLogin(app.url, { username: "alice", password: demoPassword })).code).toBe("OK");
    // The attacker stays held to the limit, even with the right password now.
    const right = await rawLogin(app.url, { username: "alice", password: demoPassword }, { localAddress: attacker });
    expect(right.code).toBe("TOO_MANY_REQUESTS");
    expect(right.message).toMatch(/from your address: try again in \d+ s/);
  });

  it("behind the trusted proxy each client is limited on its own; elsewhere the header is ignored", async () => {
    const through = (client: string, password: string) =>
      rawLogin(
        app.url,
        { username: "sarah", password },
        { localAddress: proxy, headers: { "x-forwarded-for": `203.0.113.7, ${client}` } },
      );
    const guesses = [];
    for (let index = 0; index < 8; index++) guesses.push((await through("198.51.100.1", `guess-${index}`)).code);
    expect(guesses.slice(0, 5)).toEqual(Array(5).fill("UNAUTHORIZED"));
    expect(guesses.slice(5)).toEqual(Array(3).fill("TOO_MANY_REQUESTS"));
    // Another client behind the same proxy, and sarah herself (not through the proxy), sign in.
    expect((await through("198.51.100.2", demoPassword)).code).toBe("OK");
    expect((await rawLogin(app.url, { username: "sarah", password: demoPassword })).code).toBe("OK");
    // The limited client stays limited through the proxy; from 127.0.0.2 the same header is a forgery.
    expect((await through("198.51.100.1", demoPassword)).code).toBe("TOO_MANY_REQUESTS");
    const forged = await rawLogin(
      app.url,
      { username: "sarah", password: demoPassword },
      { localAddress: attacker, headers: { "x-forwarded-for": "198.51.100.1" } },
    );
    expect(forged.code).toBe("OK");
  });
});
