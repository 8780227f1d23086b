import { startTestIdp, type TestIdp } from "@repo/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultOidcTiming } from "../../src/auth/oidc/index.ts";
import { authenticatorFor, fastTiming, outcome, sleep } from "./support.ts";

let idp: TestIdp;
beforeEach(async () => {
  idp = await startTestIdp();
});
afterEach(() => idp.stop());

describe("key rotation", () => {
  it("accepts a token signed by a newly published key within seconds, with the shipped cooldown", async () => {
    const { oidc } = authenticatorFor(idp, { timing: defaultOidcTiming });
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    const next = idp.rotate("RS256");
    const token = idp.mint({}, { kid: next.kid });
    // The key set was fetched a moment ago: within the cooldown an unknown kid is refused...
    expect(await outcome(oidc, token)).toBe("unknown_key");
    // ...and accepted once the cooldown (5 s) has passed.
    await vi.waitFor(async () => expect(await outcome(oidc, token)).toBe("accepted:john"), {
      timeout: defaultOidcTiming.jwksCooldownMs + 3000,
      interval: 250,
    });
  });

  it("keeps accepting tokens of the previous key while the IdP still publishes it", async () => {
    const { oidc } = authenticatorFor(idp);
    const old = idp.mint();
    expect(await outcome(oidc, old)).toBe("accepted:john");
    idp.rotate("RS256");
    await sleep(fastTiming.jwksCooldownMs + 50);
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    expect(await outcome(oidc, old)).toBe("accepted:john");
  });

  it("refuses a key the IdP retired, once the key set is refreshed", async () => {
    const { oidc } = authenticatorFor(idp);
    const oldKid = idp.currentKey("RS256").kid;
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    idp.rotate("RS256", { retirePrevious: true });
    await sleep(fastTiming.jwksCooldownMs + 50);
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    expect(await outcome(oidc, idp.mint({}, { kid: oldKid }))).toBe("unknown_key");
  });

  it("does not refetch the key set for every unknown kid (a flood of made-up kids costs one fetch per cooldown)", async () => {
    const { oidc } = authenticatorFor(idp);
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    const before = idp.requestCount("/v1/keys");
    const madeUp = Array.from({ length: 20 }, (_, i) => idp.mint({}, { header: { kid: `made-up-${i}` } }));
    expect(new Set(await Promise.all(madeUp.map((token) => outcome(oidc, token))))).toEqual(new Set(["unknown_key"]));
    expect(idp.requestCount("/v1/keys") - before).toBe(0);
  });
});

describe("IdP outages", () => {
  it.each(["unavailable", "closed", "hang"] as const)(
    "IdP %s: cached keys keep working, an uncached kid is refused with a log line, and it recovers",
    async (mode) => {
      const { oidc, log } = authenticatorFor(idp);
      expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
      await idp.setMode(mode);
      const next = idp.rotate("ES256");
      await sleep(fastTiming.jwksCooldownMs + 50);

      expect(await outcome(oidc, idp.mint({}, { kid: next.kid }))).toBe("idp_unreachable");
      expect(log.lines.at(-1)).toMatchObject({ level: "warn", message: "oidc: token refused: idp_unreachable" });
      expect(String(log.lines.at(-1)?.fields.detail)).toContain("/v1/keys");
      // Within the back-off the IdP is not asked again: cached keys answer, uncached ones are refused at once.
      expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
      expect(await outcome(oidc, idp.mint({}, { kid: next.kid }))).toBe("unknown_key");
      expect(log.lines.at(-1)?.fields.detail).toMatch(/is not cached and JWKS .* failed recently/);

      await idp.setMode("up");
      await sleep(fastTiming.retryAfterFailureMs + 50);
      expect(await outcome(oidc, idp.mint({}, { kid: next.kid }))).toBe("accepted:john");
    },
  );

  it("starts without the IdP: discovery happens at first use and is retried after a failure", async () => {
    await idp.setMode("closed");
    const { oidc } = authenticatorFor(idp);
    expect(oidc.publicInfo().authorizationEndpoint).toBeUndefined();
    expect(await outcome(oidc, idp.mint())).toBe("idp_unreachable");
    await idp.setMode("up");
    // Still inside the retry back-off: no new attempt yet.
    expect(await outcome(oidc, idp.mint())).toBe("idp_unreachable");
    await sleep(fastTiming.retryAfterFailureMs + 50);
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    expect(oidc.publicInfo()).toMatchObject({
      issuer: idp.issuer,
      clientId: idp.clientId,
      authorizationEndpoint: idp.authorizationEndpoint,
      tokenEndpoint: idp.tokenEndpoint,
    });
  });

  it("refuses within the fetch timeout when the IdP accepts connections but never answers", async () => {
    await idp.setMode("hang");
    const { oidc } = authenticatorFor(idp);
    const started = performance.now();
    expect(await outcome(oidc, idp.mint())).toBe("idp_unreachable");
    // Bounded by fetchTimeoutMs (500 ms here). Without a bound the request would hang until the
    // test timeout: the margin is wide on purpose, this is not a speed measurement.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("uses OIDC_JWKS_URL without discovery when it is set", async () => {
    const { oidc } = authenticatorFor(idp, { jwksUrl: idp.jwksUrl });
    expect(await outcome(oidc, idp.mint())).toBe("accepted:john");
    expect(idp.requestCount("/.well-known/openid-configuration")).toBe(0);
  });

  it("refuses to trust a discovery document that names another issuer", async () => {
    const { oidc, log } = authenticatorFor(idp, { issuer: `${idp.issuer}/` });
    expect(await outcome(oidc, idp.mint({ iss: `${idp.issuer}/` }))).toBe("idp_unreachable");
    expect(String(log.lines.at(-1)?.fields.detail)).toContain(`expected ${idp.issuer}/`);
  });

  it("discover() reports what is known without throwing when the IdP is down", async () => {
    await idp.setMode("unavailable");
    const { oidc } = authenticatorFor(idp);
    expect(await oidc.discover()).toEqual({
      issuer: idp.issuer,
      clientId: idp.clientId,
      audience: idp.audience,
      authorizationEndpoint: undefined,
      tokenEndpoint: undefined,
      scopes: ["openid", "email", "profile"],
    });
  });
});
