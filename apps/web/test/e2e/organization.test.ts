import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { signIn, visibleContactIds } from "./actions.ts";
import { launchChromium, saveScreenshot } from "./browser.ts";
import { type Stack, startStack } from "./stack.ts";

let browser: Browser;
let stack: Stack;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  stack = await startStack(inject("cerbosUrl"));
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});
afterEach(async ({ task }) => {
  // A failed scenario leaves a picture of where it stopped, next to the passing ones.
  if (task.result?.state === "fail" && page) await saveScreenshot(page, `FAILED-${task.name.slice(0, 60)}`);
  await context?.close();
  await stack?.stop();
});

async function openOrganizationPage(): Promise<void> {
  await page.getByRole("link", { name: "Organization", exact: true }).click();
  await page.getByTestId("my-role").waitFor();
}

async function signOut(): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
}

describe("organization page in Chromium", () => {
  it("olga (owner of Globex) gives ivan the billing role, and ivan then sees the billing details", async () => {
    await signIn(page, stack.url, "ivan");
    await openOrganizationPage();
    expect(await page.getByTestId("my-role").textContent()).toBe("member");
    await page.getByText("Billing details are visible to billing members and owners.").waitFor();
    expect(await page.getByTestId("billing-address").count()).toBe(0);
    await signOut();

    await signIn(page, stack.url, "olga");
    await openOrganizationPage();
    expect(await page.getByTestId("my-role").textContent()).toBe("owner");
    const ivanRow = page.locator('tr[data-username="ivan"]');
    await ivanRow.getByLabel("Role for Ivan IT").selectOption("billing");
    await ivanRow.getByRole("button", { name: "Assign role to Ivan IT" }).click();
    await ivanRow.getByRole("cell", { name: "billing", exact: true }).waitFor();
    await signOut();

    await signIn(page, stack.url, "ivan");
    await openOrganizationPage();
    expect(await page.getByTestId("my-role").textContent()).toBe("billing");
    await page.getByRole("heading", { name: "Billing details" }).waitFor();
    expect(await page.getByTestId("billing-address").textContent()).toBe("500 Oak Ave, Shelbyville");
    await saveScreenshot(page, "ivan-sees-billing");
  });

  it("sarah switches from Acme Corp to Globex Inc and the contacts follow the organization", async () => {
    await signIn(page, stack.url, "sarah");
    const acme = await visibleContactIds(page);
    expect(acme.every((id) => id <= 5)).toBe(true);
    await page.getByLabel("Organization", { exact: true }).selectOption({ label: "Globex Inc" });
    await page.locator('tr[data-contact-id="6"]').waitFor();
    const globex = await visibleContactIds(page);
    expect(globex.every((id) => id >= 6)).toBe(true);
    await saveScreenshot(page, "sarah-switched-to-globex");
  });
});
