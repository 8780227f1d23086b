import { startTestIdp, type TestIdp } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOidcAuthenticator, OidcAuthError } from "../../src/auth/oidc/index.ts";
import { authenticatorFor, configFor, outcome, recordingLogger } from "./support.ts";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({ user: { sub: "00u-john", email: "john@example.com", name: "John" } });
});
afterAll(() => idp.stop());

const now = () => Math.floor(Date.now() / 1000);

describe("OIDC access tokens: what is accepted", () => {
  it("accepts RS256 and ES256 tokens of the issuer and maps them to the user with that email", async () => {
    const { oidc } = authenticatorFor(idp);
    expect(await outcome(oidc, idp.mint({}, { alg: "RS256" }))).toBe("accepted:john");
    expect(await outcome(oidc, idp.mint({}, { alg: "ES256" }))).toBe("accepted:john");
  });

  it("matches the email case-insensitively", async () => {
    const { oidc } = authenticatorFor(idp);
    expect(await outcome(oidc, idp.mint({ email: " John@Example.COM" }))).toBe("accepted:john");
  });

  it("ignores role, group and department claims: the token only names the user", async () => {
    const { oidc, store } = authenticatorFor(idp, { autoProvision: true });
    const token = idp.mint({ role: "admin", groups: ["admin"], department: "IT", organizationIds: [1, 2] });
    expect(await outcome(oidc, token)).toBe("accepted:john");
    expect(store.users).toHaveLength(2);
  });

  it("tolerates a little clock skew on exp and nbf", async () => {
    const { oidc } = authenticatorFor(idp);
    expect(await outcome(oidc, idp.mint({ exp: now() - 10 }))).toBe("accepted:john");
    expect(await outcome(oidc, idp.mint({ nbf: now() + 10 }))).toBe("accepted:john");
  });

  it("reads the email from OIDC_EMAIL_CLAIM when configured", async () => {
    const { oidc } = authenticatorFor(idp, { emailClaim: "upn" });
    expect(await outcome(oidc, idp.mint({ email: undefined, upn: "alice@example.com" }))).toBe("accepted:alice");
    expect(await outcome(oidc, idp.mint({ upn: undefined }))).toBe("missing_email");
  });

  it("returns null for tokens of another issuer or that are not JWTs, so the built-in check runs", async () => {
    const { oidc } = authenticatorFor(idp);
    expect(await outcome(oidc, idp.mint({ iss: "https://evil.example/oauth2/default" }))).toBe("not-ours");
    expect(await outcome(oidc, idp.mint({ iss: undefined }))).toBe("not-ours");
    expect(await outcome(oidc, "not-a-jwt")).toBe("not-ours");
  });
});

describe("OIDC access tokens: what is refused (UNAUTHORIZED)", () => {
  it.each([
    ["another audience", () => idp.mint({ aud: "api://other" }), "wrong_audience"],
    ["an ID token (audience = the client id)", () => idp.mint({ aud: idp.clientId }), "wrong_audience"],
    ["expired beyond the tolerance", () => idp.mint({ exp: now() - 60 }), "expired"],
    ["not valid before a time beyond the tolerance", () => idp.mint({ nbf: now() + 120 }), "not_yet_valid"],
    ["without exp", () => idp.mint({ exp: undefined }), "invalid_claims"],
    ["email_verified false", () => idp.mint({ email_verified: false }), "email_not_verified"],
    ['email_verified "true" as a string', () => idp.mint({ email_verified: "true" }), "email_not_verified"],
    ["without email_verified", () => idp.mint({ email_verified: undefined }), "email_not_verified"],
    ["without email", () => idp.mint({ email: undefined }), "missing_email"],
    ["alg none", () => idp.mintUnsecured(), "algorithm_not_allowed"],
    ["HS256 signed with the public key", () => idp.mintWithPublicKeyAsHmacSecret(), "algorithm_not_allowed"],
    [
      "RS256 header on an ES256 signature",
      () => idp.mint({}, { alg: "ES256", header: { alg: "RS256" } }),
      "unknown_key",
    ],
  ])("%s", async (_case, token, reason) => {
    const { oidc } = authenticatorFor(idp);
    expect(await outcome(oidc, token())).toBe(reason);
  });

  it("refuses a tampered payload (alice's email under john's signature)", async () => {
    const { oidc } = authenticatorFor(idp);
    const [header, , signature] = idp.mint().split(".");
    const forged = Buffer.from(JSON.stringify(idp.claims({ email: "alice@example.com" }))).toString("base64url");
    expect(await outcome(oidc, `${header}.${forged}.${signature}`)).toBe("invalid_signature");
  });

  it("refuses a token signed by a key the IdP never published", async () => {
    const { oidc, log } = authenticatorFor(idp);
    const key = idp.rotate("ES256", { publish: false });
    expect(await outcome(oidc, idp.mint({}, { kid: key.kid }))).toBe("unknown_key");
    expect(log.lines.at(-1)).toMatchObject({
      level: "warn",
      message: "oidc: token refused: unknown_key",
      fields: { kid: key.kid },
    });
    idp.rotate("ES256");
  });

  it("explains the refusal to the client without internals", async () => {
    const { oidc } = authenticatorFor(idp);
    await expect(oidc.authenticate(idp.mint({ exp: now() - 60 }))).rejects.toThrowErrorMatchingInlineSnapshot(
      `[OidcAuthError: The identity provider token has expired: sign in again.]`,
    );
    const refused = await oidc.authenticate(idp.mint({ email_verified: false })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OidcAuthError);
    expect(refused).toMatchObject({ code: "UNAUTHORIZED", reason: "email_not_verified" });
  });
});

describe("users on first sign-in", () => {
  it("refuses an unknown verified email when auto-provisioning is off", async () => {
    const { oidc, store } = authenticatorFor(idp);
    expect(await outcome(oidc, idp.mint({ email: "newcomer@example.com" }))).toBe("unknown_user");
    expect(store.users).toHaveLength(2);
  });

  it("creates one user for an unknown verified email when auto-provisioning is on, then reuses it", async () => {
    const { oidc, store, log } = authenticatorFor(idp, { autoProvision: true });
    const token = idp.mint({ email: "Newcomer@Example.com", name: "New Comer" });
    const results = await Promise.all([outcome(oidc, token), outcome(oidc, token), outcome(oidc, token)]);
    expect(new Set(results)).toEqual(new Set(["accepted:u-3"]));
    expect(store.users.at(-1)).toEqual({ id: "u-3", email: "newcomer@example.com", name: "New Comer" });
    expect(await outcome(oidc, token)).toBe("accepted:u-3");
    expect(log.lines.filter((line) => line.message.includes("created a least-privilege user"))).toHaveLength(1);
  });

  it("never provisions from an unverified email, even with auto-provisioning on", async () => {
    const { oidc, store } = authenticatorFor(idp, { autoProvision: true });
    expect(await outcome(oidc, idp.mint({ email: "mallory@example.com", email_verified: false }))).toBe(
      "email_not_verified",
    );
    expect(store.users).toHaveLength(2);
  });

  it("lets a database failure surface as a server error, not as a refused token", async () => {
    const oidc = createOidcAuthenticator(configFor(idp), {
      findUserByEmail: async () => {
        throw new Error("database is locked");
      },
      createUser: async () => {
        throw new Error("not called");
      },
      logger: recordingLogger(),
    });
    const error = await oidc.authenticate(idp.mint()).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(OidcAuthError);
    expect(error).toMatchObject({ message: "database is locked" });
  });
});
