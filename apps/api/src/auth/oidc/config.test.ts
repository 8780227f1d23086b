import { describe, expect, it } from "vitest";
import { defaultOidcTiming, loadOidcConfig } from "./config.ts";

const okta = {
  OIDC_ISSUER: "https://your-org.okta.com/oauth2/default",
  OIDC_AUDIENCE: "api://default",
  OIDC_CLIENT_ID: "0oa1b2c3d4EXAMPLE",
};

describe("loadOidcConfig", () => {
  it("is undefined when OIDC_ISSUER is unset or empty: only the built-in login", () => {
    expect(loadOidcConfig({})).toBeUndefined();
    expect(loadOidcConfig({ OIDC_ISSUER: "", OIDC_AUDIENCE: "" })).toBeUndefined();
  });

  it("reads an Okta-style configuration with the defaults", () => {
    expect(loadOidcConfig(okta)).toEqual({
      issuer: okta.OIDC_ISSUER,
      audience: "api://default",
      clientId: "0oa1b2c3d4EXAMPLE",
      jwksUrl: undefined,
      emailClaim: "email",
      autoProvision: false,
      timing: defaultOidcTiming,
    });
  });

  it("reads the optional variables", () => {
    const config = loadOidcConfig({
      ...okta,
      OIDC_JWKS_URL: "https://your-org.okta.com/oauth2/default/v1/keys",
      OIDC_EMAIL_CLAIM: "upn",
      OIDC_AUTO_PROVISION: "true",
    });
    expect(config).toMatchObject({
      jwksUrl: okta.OIDC_ISSUER.concat("/v1/keys"),
      emailClaim: "upn",
      autoProvision: true,
    });
  });

  it("accepts plain http only on loopback (a local IdP)", () => {
    expect(loadOidcConfig({ ...okta, OIDC_ISSUER: "http://127.0.0.1:8080/realms/dev" })?.issuer).toBe(
      "http://127.0.0.1:8080/realms/dev",
    );
    expect(() =>
      loadOidcConfig({ ...okta, OIDC_ISSUER: "http://idp.example.com" }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [OidcConfigError: Invalid OIDC configuration (see apps/api/src/auth/oidc/README.md):
        OIDC_ISSUER: must be an https URL (plain http only on 127.0.0.1 or localhost)]
    `);
  });

  it("names every missing variable when the configuration is partial", () => {
    expect(() => loadOidcConfig({ OIDC_ISSUER: okta.OIDC_ISSUER })).toThrowErrorMatchingInlineSnapshot(`
      [OidcConfigError: Invalid OIDC configuration (see apps/api/src/auth/oidc/README.md):
        OIDC_AUDIENCE: required when OIDC_ISSUER is set
        OIDC_CLIENT_ID: required when OIDC_ISSUER is set]
    `);
    expect(() =>
      loadOidcConfig({ OIDC_AUDIENCE: "api://default", OIDC_CLIENT_ID: "x" }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [OidcConfigError: Invalid OIDC configuration (see apps/api/src/auth/oidc/README.md):
        OIDC_ISSUER: required when OIDC_AUDIENCE, OIDC_CLIENT_ID are set]
    `);
  });

  it("refuses values it cannot read", () => {
    expect(() =>
      loadOidcConfig({ ...okta, OIDC_AUTO_PROVISION: "yes", OIDC_JWKS_URL: "keys.json" }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [OidcConfigError: Invalid OIDC configuration (see apps/api/src/auth/oidc/README.md):
        OIDC_JWKS_URL: must be a URL
        OIDC_AUTO_PROVISION: must be "true" or "false"]
    `);
  });
});
