import { pkceChallenge, pkceVerifier, startTestIdp, type TestIdp } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, type TestStack, testClient } from "../../src/testing/index.ts";
import { dialects, stackOn } from "../support/stack.ts";
import { configFor, fastTiming, sleep } from "./support.ts";

const now = () => Math.floor(Date.now() / 1000);
const asIdpUser = (id: string) => ({ sub: `00u-${id}`, email: `${id}@example.com`, name: id });

// Identity from the IdP, everything else from the database, decisions from Cerbos.
describe.each(dialects)("OIDC access tokens through the API (%s)", (dialect) => {
  let idp: TestIdp;
  let app: TestStack;
  beforeAll(async () => {
    idp = await startTestIdp({ user: asIdpUser("john") });
    app = await stackOn(dialect, { oidc: configFor(idp) });
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  it("a valid IdP token signs john in: his procedures work and Cerbos decides with his database role", async () => {
    const john = testClient(app.url, idp.mint({ role: "admin", groups: ["admin"], department: "IT" }));
    expect(await john.auth.me.query()).toMatchObject({
      user: { id: "john", role: "user", department: "Sales" },
      memberships: [{ organizationId: 1, role: "member" }],
    });
    expect(await john.contacts.get.query({ id: 1 })).toMatchObject({ id: 1, ownerId: "john" });
    expect((await errorOf(john.contacts.get.query({ id: 4 }))).code).toBe("FORBIDDEN");
    // The token's admin claims count for nothing.
    expect((await errorOf(john.users.list.query())).code).toBe("FORBIDDEN");
    expect(await john.contacts.permissions.query({ organizationId: 1 })).toEqual({ canCreate: true, reasons: [] });

    const geri = testClient(app.url, idp.mint({ sub: "00u-geri", email: "geri@example.com" }, { alg: "ES256" }));
    expect(await geri.contacts.permissions.query({ organizationId: 1 })).toMatchObject({
      canCreate: false,
      reasons: [expect.any(String)],
    });
    expect(
      (await errorOf(geri.contacts.create.mutate({ organizationId: 1, firstName: "A", lastName: "B" }))).code,
    ).toBe("FORBIDDEN");
  });

  it("finds the user by email case-insensitively in the database", async () => {
    const token = idp.mint({ email: "JOHN@Example.COM" });
    expect((await testClient(app.url, token).auth.me.query()).user.id).toBe("john");
  });

  it("a change of department in the database changes the decisions for the same token", async () => {
    const token = idp.mint({ sub: "00u-sarah", email: "sarah@example.com" });
    const sarah = testClient(app.url, token);
    expect(await sarah.contacts.permissions.query({ organizationId: 1 })).toEqual({ canCreate: true, reasons: [] });
    await app.api.sequelize.query(`UPDATE users SET department = 'Marketing' WHERE id = 'sarah'`);
    expect(await sarah.contacts.permissions.query({ organizationId: 1 })).toMatchObject({
      canCreate: false,
      reasons: [expect.any(String)],
    });
    await app.api.sequelize.query(`UPDATE users SET department = 'Sales' WHERE id = 'sarah'`);
  });
});

describe("OIDC refusals, outages and provisioning through the API", () => {
  let idp: TestIdp;
  let app: TestStack;
  beforeAll(async () => {
    idp = await startTestIdp({ user: asIdpUser("john") });
    app = await stackOn("sqlite", { oidc: configFor(idp) });
  });
  afterAll(async () => {
    await app?.stop();
    await idp?.stop();
  });

  const refusal = async (token: string) => {
    const error = await errorOf(testClient(app.url, token).auth.me.query());
    return `${error.code}: ${error.message}`;
  };

  it.each([
    ["wrong issuer", () => idp.mint({ iss: "https://evil.example/oauth2/default" })],
    ["wrong audience", () => idp.mint({ aud: "api://other" })],
    ["expired", () => idp.mint({ exp: now() - 120 })],
    ["not yet valid", () => idp.mint({ nbf: now() + 300 })],
    ["email_verified false", () => idp.mint({ email_verified: false })],
    ["alg none", () => idp.mintUnsecured()],
    ["HS256 signed with the public key", () => idp.mintWithPublicKeyAsHmacSecret()],
    [
      "tampered payload",
      () => {
        const [header, , signature] = idp.mint().split(".");
        const forged = Buffer.from(JSON.stringify(idp.claims({ email: "alice@example.com" }))).toString("base64url");
        return `${header}.${forged}.${signature}`;
      },
    ],
    ["unpublished key", () => idp.mint({}, { kid: idp.rotate("ES256", { publish: false }).kid })],
  ])("%s → UNAUTHORIZED", async (_case, token) => {
    expect(await refusal(token())).toMatch(/^UNAUTHORIZED: /);
  });

  it("refuses an email that several accounts share", async () => {
    await app.api.sequelize.query(`UPDATE users SET email = 'ivan@example.com' WHERE id = 'bill'`);
    try {
      expect(await refusal(idp.mint({ email: "ivan@example.com" }))).toMatchInlineSnapshot(
        `"UNAUTHORIZED: Several accounts use this email address; ask an administrator."`,
      );
    } finally {
      await app.api.sequelize.query(`UPDATE users SET email = 'bill@example.com' WHERE id = 'bill'`);
    }
  });

  it("tells the user why an IdP token was refused", async () => {
    expect(await refusal(idp.mint({ exp: now() - 120 }))).toMatchInlineSnapshot(
      `"UNAUTHORIZED: The identity provider token has expired: sign in again."`,
    );
    expect(await refusal(idp.mint({ email_verified: false }))).toMatchInlineSnapshot(
      `"UNAUTHORIZED: The identity provider has not verified this email address."`,
    );
    expect(await refusal(idp.mint({ iss: "https://evil.example/" }))).toMatchInlineSnapshot(
      `"UNAUTHORIZED: The token is invalid or expired: sign in again."`,
    );
  });

  it("accepts a rotated key once published; with the IdP down, cached keys and built-in tokens keep working", async () => {
    const builtIn = await app.as("sarah");
    const cached = testClient(app.url, idp.mint());
    expect(await cached.auth.me.query()).toMatchObject({ user: { id: "john" } });

    const rotated = idp.rotate("RS256");
    await sleep(fastTiming.jwksCooldownMs + 50);
    expect(await testClient(app.url, idp.mint({}, { kid: rotated.kid })).auth.me.query()).toMatchObject({
      user: { id: "john" },
    });

    await idp.setMode("unavailable");
    const uncached = idp.rotate("ES256");
    await sleep(fastTiming.jwksCooldownMs + 50);
    expect(await refusal(idp.mint({}, { kid: uncached.kid }))).toMatchInlineSnapshot(
      `"UNAUTHORIZED: The identity provider cannot be reached to check this token; try again shortly."`,
    );
    expect(await cached.auth.me.query()).toMatchObject({ user: { id: "john" } });
    expect(await builtIn.auth.me.query()).toMatchObject({ user: { id: "sarah" } });
    expect(await builtIn.contacts.get.query({ id: 3 })).toMatchObject({ id: 3 });

    await idp.setMode("up");
    await sleep(fastTiming.retryAfterFailureMs + 50);
    expect(await testClient(app.url, idp.mint({}, { kid: uncached.kid })).auth.me.query()).toMatchObject({
      user: { id: "john" },
    });
  });

  it("refuses an unknown email while auto-provisioning is off", async () => {
    expect(await refusal(idp.mint({ email: "newcomer@example.com" }))).toMatchInlineSnapshot(
      `"UNAUTHORIZED: No account uses this email address; ask an administrator to create one."`,
    );
    const alice = await app.as("alice");
    expect((await alice.users.list.query()).items.map((user) => user.email)).not.toContain("newcomer@example.com");
  });

  it("publishes what the web app needs to offer IdP sign-in, and nothing secret", async () => {
    expect(await app.anonymous.auth.oidcInfo.query()).toEqual({
      enabled: true,
      issuer: idp.issuer,
      clientId: idp.clientId,
      audience: idp.audience,
      authorizationEndpoint: idp.authorizationEndpoint,
      tokenEndpoint: idp.tokenEndpoint,
      scopes: ["openid", "email", "profile"],
    });
  });

  it("signs in through the browser flow: authorize, code + PKCE verifier for tokens, then the API", async () => {
    const info = await app.anonymous.auth.oidcInfo.query();
    if (!info.enabled) throw new Error("OIDC should be enabled");
    const verifier = pkceVerifier();
    const redirectUri = "http://127.0.0.1:5173/auth/callback";
    const authorize = new URL(info.authorizationEndpoint ?? "");
    authorize.search = new URLSearchParams({
      response_type: "code",
      client_id: info.clientId,
      redirect_uri: redirectUri,
      scope: info.scopes.join(" "),
      state: "s1",
      code_challenge: pkceChallenge(verifier),
      code_challenge_method: "S256",
    }).toString();
    const redirect = await fetch(authorize, { redirect: "manual" });
    const code = new URL(redirect.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const response = await fetch(info.tokenEndpoint ?? "", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        client_id: info.clientId,
        code_verifier: verifier,
      }),
    });
    const tokens = (await response.json()) as { access_token: string; id_token: string };
    expect(await testClient(app.url, tokens.access_token).auth.me.query()).toMatchObject({ user: { id: "john" } });
    // The ID token is for the client, not for this API.
    expect(await refusal(tokens.id_token)).toMatch(/another audience/);
  });
});

describe("OIDC auto-provisioning and configuration", () => {
  it("creates a least-privilege user on first sign-in when OIDC_AUTO_PROVISION=true", async () => {
    const idp = await startTestIdp();
    const app = await stackOn("sqlite", { oidc: configFor(idp, { autoProvision: true }) });
    try {
      const token = idp.mint({ sub: "00u-nora", email: "Nora@Example.com", name: "Nora New" });
      const nora = testClient(app.url, token);
      const me = await nora.auth.me.query();
      expect(me).toMatchObject({
        user: { username: "nora@example.com", email: "nora@example.com", name: "Nora New", role: "user" },
        memberships: [],
      });
      expect(me.user.department).toBeNull();
      expect(me.user.isBanned).toBe(false);
      // No membership: no organization's contacts, no creating anywhere.
      expect((await nora.contacts.list.query({})).items).toEqual([]);
      expect((await errorOf(nora.contacts.get.query({ id: 1 }))).code).toBe("NOT_FOUND");
      expect((await errorOf(nora.contacts.permissions.query({ organizationId: 1 }))).code).toBe("NOT_FOUND");
      // The same person again: the same user, not a second one.
      expect((await testClient(app.url, idp.mint({ email: "nora@example.com" })).auth.me.query()).user.id).toBe(
        me.user.id,
      );
      // An IdP user has no API password.
      expect(
        (await errorOf(app.anonymous.auth.login.mutate({ username: "nora@example.com", password: "!" }))).code,
      ).toBe("UNAUTHORIZED");
    } finally {
      await app.stop();
      await idp.stop();
    }
  });

  it("without OIDC configured, IdP tokens are refused and oidcInfo says so", async () => {
    const idp = await startTestIdp();
    const app = await stackOn("sqlite");
    try {
      expect(await app.anonymous.auth.oidcInfo.query()).toEqual({ enabled: false });
      expect((await errorOf(testClient(app.url, idp.mint()).auth.me.query())).code).toBe("UNAUTHORIZED");
    } finally {
      await app.stop();
      await idp.stop();
    }
  });
});
