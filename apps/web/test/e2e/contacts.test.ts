import { describe, expect, it } from "vitest";
import { clientFor, hashOf, listSettled, signIn, toastText, totalText, visibleContactIds } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

const row = (id: number) => scenario.page.locator(`tr[data-contact-id="${id}"]`);

describe("contacts in Chromium at 1280 px", () => {
  it("john sees exactly contacts 1, 2, 3 and 5; each row links to its read-only detail page", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    expect((await visibleContactIds(page)).sort()).toEqual([1, 2, 3, 5]);
    expect(await totalText(page)).toBe("4 contacts");
    await page.getByRole("link", { name: "New contact" }).waitFor();

    // A slow answer: the page shows its heading and one skeleton in the shape of the details.
    await page.route("**/trpc/contacts.get**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await row(1).getByRole("link", { name: "Nick Smyth", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Loading contact…" }).waitFor();
    await saveScreenshot(page, "desktop-flow-loading-skeleton");
    await page.getByRole("heading", { name: "Nick Smyth", level: 1 }).waitFor();
    expect(await hashOf(page)).toBe("#/contacts/1");
    expect(await page.getByRole("definition").allTextContents()).toContain("Coca Cola");
    expect(await page.getByLabel("First name").count()).toBe(0);
    await page.getByRole("link", { name: "Edit" }).waitFor();
  });

  it("john creates a contact: the form says what is missing before sending, errors clear as he types, a toast confirms and the new row is highlighted", async () => {
    const { page, stack } = scenario;
    const creates: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("contacts.create")) creates.push(request.url());
    });
    await signIn(page, stack.url, "john");
    await page.getByRole("link", { name: "New contact" }).click();
    await page.getByRole("heading", { name: "New contact", level: 1 }).waitFor();
    const firstName = page.getByLabel("First name");
    expect(await firstName.getAttribute("required")).not.toBeNull();
    expect(await firstName.getAttribute("maxlength")).toBe("255");

    await page.getByRole("button", { name: "Create contact" }).click();
    await page.getByText("Enter a first name.").waitFor();
    await page.getByText("Enter a last name.").waitFor();
    expect(await firstName.getAttribute("aria-invalid")).toBe("true");
    expect(await firstName.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(creates).toEqual([]);

    await firstName.fill("Grace");
    await page.getByText("Enter a first name.").waitFor({ state: "detached" });
    expect(await firstName.getAttribute("aria-invalid")).toBeNull();
    await page.getByLabel("Last name").fill("Hopper");
    await page.getByLabel("Company").selectOption({ label: "Coca Cola" });
    await page.getByRole("checkbox", { name: "vip" }).check();
    await page.getByRole("button", { name: "Create contact" }).click();

    expect(await toastText(page)).toContain("Added Grace Hopper");
    await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
    const newRow = page.locator("tr[data-contact-id]", { hasText: "Hopper" });
    await newRow.waitFor();
    expect(await newRow.getAttribute("data-highlighted")).toBe("true");
    expect(await newRow.textContent()).toContain("Coca Cola");
    expect(await totalText(page)).toBe("5 contacts");
    await saveScreenshot(page, "desktop-flow-created-contact");
  });

  it("john deletes contact 1 after confirming in a dialog; cancelling keeps it", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await row(1).getByRole("button", { name: "Delete Nick Smyth" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete Nick Smyth?" });
    await dialog.waitFor();
    await saveScreenshot(page, "desktop-flow-delete-dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await row(1).count()).toBe(1);

    await row(1).getByRole("button", { name: "Delete Nick Smyth" }).click();
    await dialog.getByRole("button", { name: "Delete contact" }).click();
    expect(await toastText(page)).toContain("Deleted Nick Smyth");
    await row(1).waitFor({ state: "detached" });
    await page.getByText("3 contacts", { exact: true }).waitFor();
    expect((await visibleContactIds(page)).sort()).toEqual([2, 3, 5]);
  });

  it("contact 3 is view only for john: no edit or delete in the list, a view-only detail page, and no form on its edit URL", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await row(3).waitFor();
    expect(
      await row(3)
        .getByRole("button", { name: /Delete/ })
        .count(),
    ).toBe(0);
    expect(await row(3).getByRole("link", { name: /Edit/ }).count()).toBe(0);
    expect(await row(3).getByText("View only").count()).toBe(1);

    await row(3).getByRole("link").first().click();
    await page.getByTestId("view-only").waitFor();
    expect(await page.getByRole("link", { name: "Edit" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /Delete/ }).count()).toBe(0);

    await page.goto(`${stack.url}/#/contacts/3/edit`);
    await page.getByTestId("edit-denied").waitFor();
    expect(await page.getByLabel("First name").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save changes" }).count()).toBe(0);
  });

  it("filters, sort and page live in the URL: reload and back/forward keep them", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await visibleContactIds(page);

    await page.getByRole("columnheader", { name: /Name/ }).getByRole("button").click();
    await page.locator('th[aria-sort="descending"]', { hasText: "Name" }).waitFor();
    await listSettled(page);
    expect(await visibleContactIds(page)).toEqual([1, 5, 3, 2]); // Smyth, Kozlov, Jane, Jaff
    expect(await hashOf(page)).toBe("#/contacts?dir=desc");

    await page.getByLabel("Status").selectOption("inactive");
    await page.getByText("1 contact", { exact: true }).waitFor();
    expect(await hashOf(page)).toBe("#/contacts?status=inactive&dir=desc");

    await page.reload();
    await page.getByText("1 contact", { exact: true }).waitFor();
    expect(await page.getByLabel("Status").inputValue()).toBe("inactive");
    expect(await visibleContactIds(page)).toEqual([2]);

    await page.goBack();
    await page.getByText("4 contacts", { exact: true }).waitFor();
    expect(await page.getByLabel("Status").inputValue()).toBe("any");
    await page.goForward();
    await page.getByText("1 contact", { exact: true }).waitFor();

    await page.getByLabel("Status").selectOption("any");
    await page.getByLabel("Search").fill("smy");
    await page.getByText("1 contact", { exact: true }).waitFor();
    await listSettled(page);
    expect(await hashOf(page)).toBe("#/contacts?q=smy&dir=desc");
    await page.reload();
    expect(await page.getByLabel("Search").inputValue()).toBe("smy");
    expect(await visibleContactIds(page)).toEqual([1]);

    await page.getByLabel("Company").selectOption({ label: "Pepsi Co" });
    await page.getByText("No contacts match these filters.").waitFor();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByText("4 contacts", { exact: true }).waitFor();
    await saveScreenshot(page, "desktop-flow-filters");
  });

  it("john pages through 14 contacts, 10 per page; the page is in the URL", async () => {
    const { page, stack } = scenario;
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
    expect(await hashOf(page)).toBe("#/contacts?page=2");
    expect(await page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);

    // The detail page's way back returns to page 2, not to the start.
    await page.getByRole("link", { name: "Simon Jaff", exact: true }).click();
    await page.getByRole("heading", { name: "Simon Jaff", level: 1 }).waitFor();
    await page.locator("main").getByRole("link", { name: "Contacts", exact: true }).click();
    await page.getByText("11–14 of 14 · page 2 of 2").waitFor();
  });

  it("geri sees exactly contacts 1 and 5, no New contact, and no form on the new-contact URL", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "geri");
    expect((await visibleContactIds(page)).sort()).toEqual([1, 5]);
    expect(await totalText(page)).toBe("2 contacts");
    await page.getByTestId("create-denied").waitFor();
    expect(await page.getByRole("link", { name: "New contact" }).count()).toBe(0);

    await page.goto(`${stack.url}/#/contacts/new`);
    await page.getByText("You cannot add contacts here").waitFor();
    expect(await page.getByLabel("First name").count()).toBe(0);
  });
});
