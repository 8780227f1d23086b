import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack, testClient, testSecret } from "../src/testing/index.ts";
import { stackOn } from "./support/stack.ts";

// Every denial says why, in the policies' words (rule outputs), and an expired or revoked
// session says which. SQLite only: the words come from the PDP, not from the database.

const forged = (claims: { sub: string; tv: number; exp: number }, secret = testSecret) =>
  new SignJWT({ tv: claims.tv })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuer("repo-api")
    .setExpirationTime(claims.exp)
    .sign(new TextEncoder().encode(secret));

describe("why a denial happened", () => {
  let app: TestStack;
  beforeAll(async () => {
    app = await stackOn("sqlite");
  });
  afterAll(() => app?.stop());

  it("FORBIDDEN carries the policy's reasons beside the call id: sarah owns Acme Corp, not John's contact", async () => {
    const sarah = await app.as("sarah");
    const denied = await errorOf(sarah.contacts.update.mutate({ id: 1, firstName: "Jon" }));
    expect(denied.code).toBe("FORBIDDEN");
    expect(denied.reasons).toEqual(["Only the contact's owner (or an admin) may edit it."]);
    expect(denied.cerbosCallId).toMatch(/^[0-9A-Z]{26}$/);
    const deleted = await errorOf(sarah.contacts.delete.mutate({ id: 2 }));
    expect(deleted.reasons).toEqual(["Only the contact's owner (or an admin) may delete it."]);
  });

  it("a read denial gives every rule that could have allowed it, a flag's denial never leaks in", async () => {
    const geri = await app.as("geri");
    const denied = await errorOf(geri.contacts.get.query({ id: 2 }));
    expect(denied.code).toBe("FORBIDDEN");
    expect(denied.reasons).toEqual([
      "Marketing sees only active contacts that opted in.",
      "It is not tagged public (public contacts are open to every member).",
    ]);
  });

  it("bruno is told that banned users cannot add contacts; geri that only Sales may", async () => {
    const bruno = await app.as("bruno");
    const refused = await errorOf(
      bruno.contacts.create.mutate({ organizationId: 2, firstName: "New", lastName: "Lead", companyId: null }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.reasons?.join(" ")).toMatch(/banned/i);
    const geri = await app.as("geri");
    expect(await geri.contacts.permissions.query({ organizationId: 1 })).toEqual({
      canCreate: false,
      reasons: ["Only the Sales department may add contacts."],
    });
    const john = await app.as("john");
    expect(await john.contacts.permissions.query({ organizationId: 1 })).toEqual({ canCreate: true, reasons: [] });
  });

  it('"why can\'t I?" checks one row: the reasons and the call id, nothing about rows one cannot read', async () => {
    const sarah = await app.as("sarah");
    const why = await sarah.decisions.explain.query({ kind: "contact", id: 1, action: "update" });
    expect(why).toEqual({
      allowed: false,
      reasons: ["Only the contact's owner (or an admin) may edit it."],
      cerbosCallId: expect.stringMatching(/^[0-9A-Z]{26}$/),
    });
    const john = await app.as("john");
    expect(await john.decisions.explain.query({ kind: "contact", id: 1, action: "update" })).toMatchObject({
      allowed: true,
      reasons: [],
    });
    expect(await john.decisions.explain.query({ kind: "organization", id: 1, action: "addMember" })).toMatchObject({
      allowed: false,
      reasons: ["Only the organization's owners manage its members."],
    });
    const geri = await app.as("geri");
    const unreadable = await errorOf(geri.decisions.explain.query({ kind: "contact", id: 2, action: "update" }));
    expect(unreadable.code).toBe("FORBIDDEN");
    expect(unreadable.reasons).toContain("Marketing sees only active contacts that opted in.");
    const elsewhere = await errorOf(john.decisions.explain.query({ kind: "contact", id: 6, action: "update" }));
    expect(elsewhere.code).toBe("NOT_FOUND");
  });

  it("UNAUTHORIZED says why: missing, malformed, expired, invalid, revoked", async () => {
    const now = Math.floor(Date.now() / 1000);
    const { token: revoked } = await app.anonymous.auth.login.mutate({ username: "john", password: "password123" });
    await testClient(app.url, revoked).auth.logout.mutate();
    const cases = {
      missing: testClient(app.url),
      malformed: testClient(app.url, "Token abc"),
      expired: testClient(app.url, await forged({ sub: "john", tv: 1, exp: now - 60 })),
      invalid: testClient(app.url, await forged({ sub: "john", tv: 1, exp: now + 600 }, "x".repeat(40))),
      revoked: testClient(app.url, revoked),
    };
    const failures: Record<string, string | undefined> = {};
    for (const [name, client] of Object.entries(cases)) {
      const error = await errorOf(client.contacts.list.query({}));
      expect(error.code, `${name}: ${error.message}`).toBe("UNAUTHORIZED");
      failures[name] = error.authFailure;
    }
    expect(failures).toEqual({
      missing: "missing",
      malformed: "malformed",
      expired: "expired",
      invalid: "invalid",
      revoked: "revoked",
    });
  });
});
