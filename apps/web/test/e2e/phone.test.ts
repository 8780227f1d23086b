import { describe, expect, it } from "vitest";
import { signIn, toastText, visibleContactIds } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { horizontalOverflow } from "./checks.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario("phone");

async function expectNoSidewaysScroll(): Promise<void> {
  expect(await scenario.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await horizontalOverflow(scenario.page)).toBe(0);
}

describe("on a phone (390 px) in Chromium", () => {
  it("john's list is cards; he opens a contact, edits and saves it; the header stays one line, nothing scrolls sideways", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    expect((await visibleContactIds(page)).sort()).toEqual([1, 2, 3, 5]);
    expect(await page.locator("table").count()).toBe(0);
    expect(await page.locator("header").evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    await expectNoSidewaysScroll();

    await page.locator('li[data-contact-id="1"]').getByRole("link", { name: "Nick Smyth", exact: true }).click();
    await page.getByRole("heading", { name: "Nick Smyth", level: 1 }).waitFor();
    await expectNoSidewaysScroll();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("First name").fill("Nicholas");
    await expectNoSidewaysScroll();
    await page.getByRole("button", { name: "Save changes" }).click();
    expect(await toastText(page)).toContain("Saved Nicholas Smyth");
    await page.locator('li[data-contact-id="1"][data-highlighted="true"]').waitFor();
    await expectNoSidewaysScroll();
    await saveScreenshot(page, "phone-flow-saved-card-highlighted");
  });

  it("the menu holds the navigation: john goes to his organization through it", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.getByRole("button", { name: "Open menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    await menu.waitFor();
    await saveScreenshot(page, "phone-flow-menu-open");
    await menu.getByRole("link", { name: "Organization" }).click();
    await menu.waitFor({ state: "detached" });
    await page.getByTestId("my-role").waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    await expectNoSidewaysScroll();
  });

  it("alice bans ivan from the admin console on a phone", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "alice");
    await page.goto(`${stack.url}/#/admin/users`);
    const ivan = page.locator('li[data-user-id="ivan"]');
    await ivan.waitFor();
    await expectNoSidewaysScroll();
    await ivan.getByRole("button", { name: "Ban Ivan IT" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Ban Ivan IT?" });
    await dialog.waitFor();
    await expectNoSidewaysScroll();
    await dialog.getByRole("button", { name: "Ban user" }).click();
    await ivan.getByRole("button", { name: "Unban Ivan IT" }).waitFor();
    await expectNoSidewaysScroll();
  });
});
