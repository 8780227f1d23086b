import { describe, expect, it } from "vitest";
import { clientFor, signIn, toastText } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

describe("notes on a contact's detail page in Chromium at 1280 px", () => {
  it("john adds, edits and deletes a note on contact 1; an empty note is caught at the field", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.goto(`${stack.url}/#/contacts/1`);
    await page.getByTestId("no-notes").waitFor();

    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByText("Write something first.").waitFor();
    await page.getByRole("textbox", { name: "Note", exact: true }).fill("Called about the renewal; call back in May.");
    await page.getByText("Write something first.").waitFor({ state: "detached" });
    await page.getByLabel("Who can read it").selectOption("organization");
    await page.getByRole("button", { name: "Add note" }).click();
    expect(await toastText(page)).toContain("Note added");
    const note = page.locator("[data-note-id]").first();
    await note.getByText("Called about the renewal").waitFor();
    expect(await note.textContent()).toContain("Organization");
    expect(await page.getByRole("textbox", { name: "Note", exact: true }).inputValue()).toBe("");
    await saveScreenshot(page, "desktop-flow-notes");

    await note.getByRole("button", { name: "Edit note by John Sales" }).click();
    await note.getByRole("textbox", { name: "Note", exact: true }).fill("Renewal signed.");
    await note.getByRole("button", { name: "Save note" }).click();
    await note.getByRole("button", { name: "Save note" }).waitFor({ state: "detached" });
    await note.getByText("(edited)").waitFor();
    expect(await note.locator("p").last().textContent()).toBe("Renewal signed.");

    await note.getByRole("button", { name: "Delete note by John Sales" }).click();
    await page
      .getByRole("alertdialog", { name: "Delete this note?" })
      .getByRole("button", { name: "Delete note" })
      .click();
    await page.getByTestId("no-notes").waitFor();
  });

  it("geri reads john's organization note but not his private one, and may change neither", async () => {
    const { page, stack } = scenario;
    const john = await clientFor(stack.url, "john");
    await john.notes.create.mutate({ contactId: 1, body: "For everyone at Acme.", visibility: "organization" });
    await john.notes.create.mutate({ contactId: 1, body: "Just for me.", visibility: "private" });

    await signIn(page, stack.url, "geri");
    await page.goto(`${stack.url}/#/contacts/1`);
    const notes = page.locator("[data-note-id]");
    await notes.first().getByText("For everyone at Acme.").waitFor();
    expect(await notes.count()).toBe(1);
    expect(await page.getByText("Just for me.").count()).toBe(0);
    expect(await notes.first().getByRole("button").count()).toBe(0);
  });
});
