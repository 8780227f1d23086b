import { createPublicKey, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pkceChallenge, pkceVerifier } from "./pkce.ts";
import { startTestIdp, type TestIdp } from "./server.ts";

let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp({ user: { sub: "u1", email: "sarah@example.com", name: "Sarah" } });
});
afterAll(() => idp.stop());

const getJson = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** Verifies a compact JWS against the published JWKS with node:crypto only. */
async function verifiedPayload(token: string): Promise<Record<string, unknown>> {
  const [header, payload, signature] = token.split(".") as [string, string, string];
  const { kid, alg } = JSON.parse(Buffer.from(header, "base64url").toString()) as { kid: string; alg: string };
  const { body } = await getJson(idp.jwksUrl);
  const jwk = (body.keys as { kid: string }[]).find((k) => k.kid === kid);
  if (!jwk) throw new Error(`kid ${kid} not published`);
  const key = createPublicKey({ key: jwk, format: "jwk" });
  const data = Buffer.from(`${header}.${payload}`);
  const sig = Buffer.from(signature, "base64url");
  const ok =
    alg === "ES256"
      ? verify("sha256", data, { key, dsaEncoding: "ieee-p1363" }, sig)
      : verify("sha256", data, key, sig);
  if (!ok) throw new Error("bad signature");
  return JSON.parse(Buffer.from(payload, "base64url").toString());
}

async function authorize(verifier: string, redirectUri = "http://127.0.0.1:5173/auth/callback") {
  const url = new URL(idp.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: idp.clientId,
    redirect_uri: redirectUri,
    state: "st-1",
    scope: "openid email",
    code_challenge: pkceChallenge(verifier),
    code_challenge_method: "S256",
  }).toString();
  const res = await fetch(url, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") };
}

const redeem = (fields: Record<string, string>) =>
  fetch(idp.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", client_id: idp.clientId, ...fields }),
  });

describe("test IdP", () => {
  it("publishes discovery pointing at its own endpoints, Okta style", async () => {
    const { body } = await getJson(idp.discoveryUrl);
    expect(body).toMatchObject({ issuer: idp.issuer, jwks_uri: idp.jwksUrl, token_endpoint: idp.tokenEndpoint });
    expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2\/default$/);
  });

  it("signs RS256 and ES256 tokens that verify against its JWKS", async () => {
    for (const alg of ["RS256", "ES256"] as const) {
      const payload = await verifiedPayload(idp.mint({ scp: ["x"] }, { alg }));
      expect(payload).toMatchObject({ iss: idp.issuer, aud: "api://default", email: "sarah@example.com", scp: ["x"] });
    }
  });

  it("rotates: the new key is published and used, the old one stays until retired", async () => {
    const old = idp.currentKey("RS256");
    const next = idp.rotate("RS256");
    const kids = async () => ((await getJson(idp.jwksUrl)).body.keys as { kid: string }[]).map((k) => k.kid);
    expect(await kids()).toEqual(expect.arrayContaining([old.kid, next.kid]));
    idp.unpublish(old.kid);
    expect(await kids()).not.toContain(old.kid);
    await expect(verifiedPayload(idp.mint({}, { kid: old.kid }))).rejects.toThrow("not published");
  });

  it("runs the authorization-code flow with PKCE and refuses a wrong verifier or a reused code", async () => {
    const verifier = pkceVerifier();
    const { status, location } = await authorize(verifier);
    expect(status).toBe(302);
    const back = new URL(location ?? "");
    expect(back.searchParams.get("state")).toBe("st-1");
    const code = back.searchParams.get("code") ?? "";
    const redirect_uri = "http://127.0.0.1:5173/auth/callback";
    expect((await redeem({ code, redirect_uri, code_verifier: pkceVerifier() })).status).toBe(400);

    const second = await authorize(verifier);
    const code2 = new URL(second.location ?? "").searchParams.get("code") ?? "";
    const res = await redeem({ code: code2, redirect_uri, code_verifier: verifier });
    const tokens = (await res.json()) as { access_token: string; id_token: string };
    expect(res.status).toBe(200);
    expect(await verifiedPayload(tokens.access_token)).toMatchObject({ aud: "api://default", sub: "u1" });
    expect(await verifiedPayload(tokens.id_token)).toMatchObject({ aud: idp.clientId, name: "Sarah" });
    expect((await redeem({ code: code2, redirect_uri, code_verifier: verifier })).status).toBe(400);
  });

  it("refuses a redirect URI off loopback and a request without PKCE", async () => {
    expect((await authorize(pkceVerifier(), "https://evil.example/cb")).status).toBe(400);
    const url = new URL(idp.authorizationEndpoint);
    url.search = `response_type=code&client_id=${idp.clientId}&redirect_uri=http://127.0.0.1/cb`;
    expect((await fetch(url, { redirect: "manual" })).status).toBe(400);
  });

  it("goes down as 503, as a closed port, and comes back on the same issuer", async () => {
    await idp.setMode("unavailable");
    expect((await fetch(idp.jwksUrl)).status).toBe(503);
    await idp.setMode("closed");
    await expect(fetch(idp.jwksUrl)).rejects.toThrow();
    await idp.setMode("up");
    expect((await fetch(idp.jwksUrl)).status).toBe(200);
  });

  it("hangs without answering until the client gives up", async () => {
    await idp.setMode("hang");
    await expect(fetch(idp.jwksUrl, { signal: AbortSignal.timeout(200) })).rejects.toThrow(/abort|timeout/i);
    await idp.setMode("up");
  });
});
