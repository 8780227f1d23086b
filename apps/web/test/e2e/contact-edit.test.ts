import { describe, expect, it } from "vitest";
import { signIn, toastText } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

describe("editing a contact in Chromium at 1280 px", () => {
  it("john edits contact 1 from its detail page; an emptied name is caught at the field; the list shows the saved row highlighted", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.goto(`${stack.url}/#/contacts/1`);
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Edit Nick Smyth", level: 1 }).waitFor();

    const lastName = page.getByLabel("Last name");
    await lastName.fill("");
    await lastName.blur();
    await page.getByText("Enter a last name.").waitFor();
    await saveScreenshot(page, "desktop-flow-edit-inline-error");
    await lastName.fill("Smythe");
    await page.getByText("Enter a last name.").waitFor({ state: "detached" });
    await page.getByRole("checkbox", { name: "Active" }).uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();

    expect(await toastText(page)).toContain("Saved Nick Smythe");
    const saved = page.locator('tr[data-contact-id="1"]');
    await saved.waitFor();
    expect(await saved.getAttribute("data-highlighted")).toBe("true");
    expect(await saved.textContent()).toContain("Inactive");
    await saveScreenshot(page, "desktop-flow-saved-row-highlighted");
  });
});
