import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { clientFor, listSettled, signIn, totalText, visibleContactIds } from "./actions.ts";
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

// Every scenario gets a freshly seeded database, so one scenario's writes never leak into another.
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

const row = (id: number) => page.locator(`tr[data-contact-id="${id}"]`);

describe("contacts page in Chromium", () => {
  it("john sees exactly contacts 1, 2, 3 and 5, with the exact total", async () => {
    await signIn(page, stack.url, "john");
    expect((await visibleContactIds(page)).sort()).toEqual([1, 2, 3, 5]);
    expect(await totalText(page)).toBe("4 contacts");
    await page.getByRole("link", { name: "New contact" }).waitFor();
    await saveScreenshot(page, "john-contacts");
  });

  it("john creates a contact, after fixing what the API rejected, and sees it in the list", async () => {
    await signIn(page, stack.url, "john");
    await page.getByRole("link", { name: "New contact" }).click();
    await page.getByRole("heading", { name: "New contact" }).waitFor();
    await page.getByRole("button", { name: "Create contact" }).click();
    // The API's zod issue shows next to the empty first name.
    await page.locator("#firstName-error").waitFor();
    expect(await page.getByLabel("First name").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("First name").fill("Grace");
    await page.getByLabel("Last name").fill("Hopper");
    await page.getByLabel("Company").selectOption({ label: "Coca Cola" });
    await page.getByRole("checkbox", { name: "vip" }).check();
    await page.getByRole("button", { name: "Create contact" }).click();

    await page.getByRole("heading", { name: "Contacts" }).waitFor();
    const newRow = page.locator("tr[data-contact-id]", { hasText: "Hopper" });
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain("Coca Cola");
    expect(await totalText(page)).toBe("5 contacts");
    await saveScreenshot(page, "john-created-contact");
  });

  it("john deletes contact 1 and it is gone", async () => {
    await signIn(page, stack.url, "john");
    await row(1).getByRole("button", { name: "Delete Nick Smyth" }).click();
    await row(1).getByRole("button", { name: "Confirm delete of Nick Smyth" }).click();
    await row(1).waitFor({ state: "detached" });
    await page.getByText("3 contacts", { exact: true }).waitFor();
    expect((await visibleContactIds(page)).sort()).toEqual([2, 3, 5]);
    await saveScreenshot(page, "john-deleted-contact-1");
  });

  it("contact 3 shows no delete (or edit) action to john, and editing it anyway is refused with the reason", async () => {
    await signIn(page, stack.url, "john");
    await row(3).waitFor();
    expect(
      await row(3)
        .getByRole("button", { name: /Delete/ })
        .count(),
    ).toBe(0);
    expect(await row(3).getByRole("link", { name: /Edit/ }).count()).toBe(0);
    expect(await row(1).getByRole("button", { name: "Delete Nick Smyth" }).count()).toBe(1);

    await page.goto(`${stack.url}/#/contacts/3/edit`);
    await page.getByText("The access policy does not let you edit this contact").waitFor();
    await page.getByLabel("First name").fill("Maria");
    await page.getByRole("button", { name: "Save changes" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Not allowed");
    expect(await alert.textContent()).toMatch(/Cerbos call id/);
    await saveScreenshot(page, "john-edit-contact-3-denied");
  });

  it("john searches, filters and sorts with the keyboard alone; an impossible filter shows the empty state", async () => {
    await page.goto(`${stack.url}/#/sign-in`);
    await page.getByLabel("Username").focus();
    await page.keyboard.type("john");
    await page.keyboard.press("Tab");
    await page.keyboard.type("password123");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Contacts" }).waitFor();
    await visibleContactIds(page);

    // Sort by first name: focus the column header's button and press Enter, twice for descending.
    const firstNameHeader = page.getByRole("columnheader", { name: /First name/ });
    await firstNameHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await page.locator('th[aria-sort="ascending"]', { hasText: "First name" }).waitFor();
    await page.keyboard.press("Enter");
    await page.locator('th[aria-sort="descending"]', { hasText: "First name" }).waitFor();
    await listSettled(page);
    expect(await visibleContactIds(page)).toEqual([2, 1, 3, 5]); // Simon, Nick, Mary, Aleks

    await page.getByLabel("Status").focus();
    await page.getByLabel("Status").selectOption("inactive");
    await page.getByText("1 contact", { exact: true }).waitFor();
    await listSettled(page);
    expect(await visibleContactIds(page)).toEqual([2]);

    await page.getByLabel("Status").selectOption("any");
    await page.getByLabel("Search").focus();
    await page.keyboard.type("smy");
    await page.getByText("1 contact", { exact: true }).waitFor();
    await listSettled(page);
    expect(await visibleContactIds(page)).toEqual([1]);

    await page.getByLabel("Company").selectOption({ label: "Pepsi Co" });
    await page.getByText("No contacts match these filters.").waitFor();
    expect(await totalText(page)).toBe("0 contacts");
    await saveScreenshot(page, "john-empty-filter");
  });

  it("john pages through 14 contacts, 10 per page, with the exact total", async () => {
    const john = await clientFor(stack.url, "john");
    for (let n = 1; n <= 10; n++) {
      await john.contacts.create.mutate({ organizationId: 1, firstName: "Page", lastName: `Filler ${n}` });
    }
    await signIn(page, stack.url, "john");
    expect(await visibleContactIds(page)).toHaveLength(10);
    expect(await totalText(page)).toBe("14 contacts");
    await page.getByText("1–10 of 14 · page 1 of 2").waitFor();
    await page.getByRole("button", { name: "Next page" }).click();
    await page.getByText("11–14 of 14 · page 2 of 2").waitFor();
    await listSettled(page);
    expect(await visibleContactIds(page)).toHaveLength(4);
    expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
    await saveScreenshot(page, "john-page-2");
  });

  it("geri sees exactly contacts 1 and 5, no New contact, and creating one anyway is refused", async () => {
    await signIn(page, stack.url, "geri");
    expect((await visibleContactIds(page)).sort()).toEqual([1, 5]);
    expect(await totalText(page)).toBe("2 contacts");
    await page.getByTestId("create-denied").waitFor();
    expect(await page.getByRole("link", { name: "New contact" }).count()).toBe(0);

    // Going to the form by URL anyway: the API refuses and the page says why.
    await page.goto(`${stack.url}/#/contacts/new`);
    await page.getByLabel("First name").fill("Greta");
    await page.getByLabel("Last name").fill("Garbo");
    await page.getByRole("button", { name: "Create contact" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Not allowed by the access policy");
    await saveScreenshot(page, "geri-contacts");
  });
});
