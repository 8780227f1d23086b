import { loadOidcConfig } from "@repo/api";
import { startTestIdp, type TestIdp } from "@repo/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { visibleContactIds } from "./actions.ts";
import { launchChromium, saveScreenshot } from "./browser.ts";
import { type Stack, startStack } from "./stack.ts";

let browser: Browser;
let idp: TestIdp;
let stack: Stack;

beforeAll(async () => {
  browser = await launchChromium();
  idp = await startTestIdp({ user: { sub: "00u-john", email: "john@example.com", name: "John" } });
  // The API reads these variables from the environment in production (apps/api/src/auth/oidc/README.md).
  const oidc = loadOidcConfig({ OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: idp.audience, OIDC_CLIENT_ID: idp.clientId });
  stack = await startStack(inject("cerbosUrl"), { oidc });
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await idp?.stop();
});

describe("sign-in through the identity provider in Chromium", () => {
  it("john signs in at the IdP (code + PKCE) and sees exactly his contacts", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${stack.url}/#/sign-in`);
    await page.getByRole("button", { name: "Sign in with your identity provider" }).click();
    await page.getByRole("heading", { name: "Contacts" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect((await visibleContactIds(page)).sort()).toEqual([1, 2, 3, 5]);
    await saveScreenshot(page, "idp-sign-in-john");
    await context.close();
  });
});
