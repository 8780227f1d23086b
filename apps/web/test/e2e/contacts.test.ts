import { describe, expect, it } from "vitest";
import { clientFor, listSettled, signIn, totalText, visibleContactIds } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

const row = (id: number) => scenario.page.locator(`tr[data-contact-id="${id}"]`);

describe("contacts page in Chromium", () => {
  it("john sees exactly contacts 1, 2, 3 and 5, with the exact total", async () => {
    await signIn(scenario.page, scenario.stack.url, "john");
    expect((await visibleContactIds(scenario.page)).sort()).toEqual([1, 2, 3, 5]);
    expect(await totalText(scenario.page)).toBe("4 contacts");
    await scenario.page.getByRole("link", { name: "New contact" }).waitFor();
    await saveScreenshot(scenario.page, "john-contacts");
  });

  it("john creates a contact, after fixing what the API rejected, and sees it in the list", async () => {
    await signIn(scenario.page, scenario.stack.url, "john");
    await scenario.page.getByRole("link", { name: "New contact" }).click();
    await scenario.page.getByRole("heading", { name: "New contact" }).waitFor();
    await scenario.page.getByRole("button", { name: "Create contact" }).click();
    // The API's zod issue shows next to the empty first name.
    await scenario.page.locator("#firstName-error").waitFor();
    expect(await scenario.page.getByLabel("First name").getAttribute("aria-invalid")).toBe("true");

    await scenario.page.getByLabel("First name").fill("Grace");
    await scenario.page.getByLabel("Last name").fill("Hopper");
    await scenario.page.getByLabel("Company").selectOption({ label: "Coca Cola" });
    await scenario.page.getByRole("checkbox", { name: "vip" }).check();
    await scenario.page.getByRole("button", { name: "Create contact" }).click();

    await scenario.page.getByRole("heading", { name: "Contacts" }).waitFor();
    const newRow = scenario.page.locator("tr[data-contact-id]", { hasText: "Hopper" });
    await newRow.waitFor();
    expect(await newRow.textContent()).toContain("Coca Cola");
    expect(await totalText(scenario.page)).toBe("5 contacts");
    await saveScreenshot(scenario.page, "john-created-contact");
  });

  it("john deletes contact 1 and it is gone", async () => {
    await signIn(scenario.page, scenario.stack.url, "john");
    await row(1).getByRole("button", { name: "Delete Nick Smyth" }).click();
    await row(1).getByRole("button", { name: "Confirm delete of Nick Smyth" }).click();
    await row(1).waitFor({ state: "detached" });
    await scenario.page.getByText("3 contacts", { exact: true }).waitFor();
    expect((await visibleContactIds(scenario.page)).sort()).toEqual([2, 3, 5]);
    await saveScreenshot(scenario.page, "john-deleted-contact-1");
  });

  it("contact 3 shows no delete (or edit) action to john, and editing it anyway is refused with the reason", async () => {
    await signIn(scenario.page, scenario.stack.url, "john");
    await row(3).waitFor();
    expect(
      await row(3)
        .getByRole("button", { name: /Delete/ })
        .count(),
    ).toBe(0);
    expect(await row(3).getByRole("link", { name: /Edit/ }).count()).toBe(0);
    expect(await row(1).getByRole("button", { name: "Delete Nick Smyth" }).count()).toBe(1);

    await scenario.page.goto(`${scenario.stack.url}/#/contacts/3/edit`);
    await scenario.page.getByText("The access policy does not let you edit this contact").waitFor();
    await scenario.page.getByLabel("First name").fill("Maria");
    await scenario.page.getByRole("button", { name: "Save changes" }).click();
    const alert = scenario.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Not allowed");
    expect(await alert.textContent()).toMatch(/Cerbos call id/);
    await saveScreenshot(scenario.page, "john-edit-contact-3-denied");
  });

  it("john searches, filters and sorts with the keyboard alone; an impossible filter shows the empty state", async () => {
    await scenario.page.goto(`${scenario.stack.url}/#/sign-in`);
    await scenario.page.getByLabel("Username").focus();
    await scenario.page.keyboard.type("john");
    await scenario.page.keyboard.press("Tab");
    await scenario.page.keyboard.type("password123");
    await scenario.page.keyboard.press("Enter");
    await scenario.page.getByRole("heading", { name: "Contacts" }).waitFor();
    await visibleContactIds(scenario.page);

    // Sort by first name: focus the column header's button and press Enter, twice for descending.
    const firstNameHeader = scenario.page.getByRole("columnheader", { name: /First name/ });
    await firstNameHeader.getByRole("button").focus();
    await scenario.page.keyboard.press("Enter");
    await scenario.page.locator('th[aria-sort="ascending"]', { hasText: "First name" }).waitFor();
    await scenario.page.keyboard.press("Enter");
    await scenario.page.locator('th[aria-sort="descending"]', { hasText: "First name" }).waitFor();
    await listSettled(scenario.page);
    expect(await visibleContactIds(scenario.page)).toEqual([2, 1, 3, 5]); // Simon, Nick, Mary, Aleks

    await scenario.page.getByLabel("Status").focus();
    await scenario.page.getByLabel("Status").selectOption("inactive");
    await scenario.page.getByText("1 contact", { exact: true }).waitFor();
    await listSettled(scenario.page);
    expect(await visibleContactIds(scenario.page)).toEqual([2]);

    await scenario.page.getByLabel("Status").selectOption("any");
    await scenario.page.getByLabel("Search").focus();
    await scenario.page.keyboard.type("smy");
    await scenario.page.getByText("1 contact", { exact: true }).waitFor();
    await listSettled(scenario.page);
    expect(await visibleContactIds(scenario.page)).toEqual([1]);

    await scenario.page.getByLabel("Company").selectOption({ label: "Pepsi Co" });
    await scenario.page.getByText("No contacts match these filters.").waitFor();
    expect(await totalText(scenario.page)).toBe("0 contacts");
    await saveScreenshot(scenario.page, "john-empty-filter");
  });

  it("john pages through 14 contacts, 10 per page, with the exact total", async () => {
    const john = await clientFor(scenario.stack.url, "john");
    for (let n = 1; n <= 10; n++) {
      await john.contacts.create.mutate({ organizationId: 1, firstName: "Page", lastName: `Filler ${n}` });
    }
    await signIn(scenario.page, scenario.stack.url, "john");
    expect(await visibleContactIds(scenario.page)).toHaveLength(10);
    expect(await totalText(scenario.page)).toBe("14 contacts");
    await scenario.page.getByText("1–10 of 14 · page 1 of 2").waitFor();
    await scenario.page.getByRole("button", { name: "Next page" }).click();
    await scenario.page.getByText("11–14 of 14 · page 2 of 2").waitFor();
    await listSettled(scenario.page);
    expect(await visibleContactIds(scenario.page)).toHaveLength(4);
    expect(await scenario.page.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);
    await saveScreenshot(scenario.page, "john-page-2");
  });

  it("geri sees exactly contacts 1 and 5, no New contact, and creating one anyway is refused", async () => {
    await signIn(scenario.page, scenario.stack.url, "geri");
    expect((await visibleContactIds(scenario.page)).sort()).toEqual([1, 5]);
    expect(await totalText(scenario.page)).toBe("2 contacts");
    await scenario.page.getByTestId("create-denied").waitFor();
    expect(await scenario.page.getByRole("link", { name: "New contact" }).count()).toBe(0);

    // Going to the form by URL anyway: the API refuses and the scenario.page says why.
    await scenario.page.goto(`${scenario.stack.url}/#/contacts/new`);
    await scenario.page.getByLabel("First name").fill("Greta");
    await scenario.page.getByLabel("Last name").fill("Garbo");
    await scenario.page.getByRole("button", { name: "Create contact" }).click();
    const alert = scenario.page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Not allowed by the access policy");
    await saveScreenshot(scenario.page, "geri-contacts");
  });
});
