import { describe, expect, it } from "vitest";
import { signIn, toastText } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

const userRow = (id: string) => scenario.page.locator(`tr[data-user-id="${id}"]`);
const memberRow = (username: string) => scenario.page.locator(`tr[data-username="${username}"]`);

describe("admin console in Chromium at 1280 px", () => {
  it("alice bans john and unbans bruno, each after a confirmation; the list filters by status", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "alice");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
    await page.getByRole("heading", { name: "Users", level: 1 }).waitFor();
    expect(await userRow("alice").getByRole("button").count()).toBe(0);
    expect(await userRow("bruno").textContent()).toContain("Banned");

    await userRow("john").getByRole("button", { name: "Ban John Sales" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Ban John Sales?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("signed out everywhere");
    await saveScreenshot(page, "desktop-flow-ban-dialog");
    await dialog.getByRole("button", { name: "Ban user" }).click();
    expect(await toastText(page)).toContain("Banned John Sales");
    await userRow("john").getByRole("button", { name: "Unban John Sales" }).waitFor();

    await userRow("bruno").getByRole("button", { name: "Unban Bruno Banned" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Unban user" }).click();
    await userRow("bruno").getByRole("button", { name: "Ban Bruno Banned" }).waitFor();

    await page.getByLabel("Status").selectOption("banned");
    await page.getByText("1 of 8 users").waitFor();
    expect(
      await page.locator("tr[data-user-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-user-id"))),
    ).toEqual(["john"]);
  });

  it("john has no admin console: no link, and the page by URL is refused by the policy", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    expect(await page.getByRole("link", { name: "Admin" }).count()).toBe(0);
    await page.goto(`${stack.url}/#/admin/users`);
    await page.getByTestId("error-state").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Not allowed by the access policy");
  });

  it("alice adds olga to Acme Corp, makes her billing, removes her; the last owner can be neither demoted nor removed", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "alice");
    await page.goto(`${stack.url}/#/admin/organizations`);
    await page.getByRole("link", { name: "Manage members of Acme Corp" }).click();
    await page.getByRole("heading", { name: "Acme Corp", level: 1 }).waitFor();
    await memberRow("sarah").waitFor();

    await page.getByLabel("User").selectOption("olga");
    await page.getByRole("button", { name: "Add member" }).click();
    expect(await toastText(page)).toContain("Added olga as member");
    await memberRow("olga").waitFor();
    // The form is ready for the next one, without complaining that it is empty.
    expect(await page.getByLabel("User").inputValue()).toBe("");
    expect(await page.getByText("Choose who to add.").count()).toBe(0);

    await memberRow("olga").getByLabel("Role for Olga Owner").selectOption("billing");
    await memberRow("olga").getByRole("button", { name: "Change role of Olga Owner" }).click();
    await memberRow("olga").getByText("billing", { exact: true }).first().waitFor();

    // Sarah is Acme's only owner: the API refuses with CONFLICT and the page says why.
    await memberRow("sarah").getByLabel("Role for Sarah Sales").selectOption("member");
    await memberRow("sarah").getByRole("button", { name: "Change role of Sarah Sales" }).click();
    const problem = page.getByTestId("members-problem");
    await problem.waitFor();
    expect(await problem.textContent()).toContain("An organization needs at least one owner");
    expect(await memberRow("sarah").getByLabel("Role for Sarah Sales").inputValue()).toBe("owner");
    await saveScreenshot(page, "desktop-flow-last-owner-conflict");

    await memberRow("sarah").getByRole("button", { name: "Remove Sarah Sales" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Remove Sarah Sales from Acme Corp?" });
    await dialog.getByRole("button", { name: "Remove member" }).click();
    await dialog.getByText("An organization needs at least one owner").waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await memberRow("olga").getByRole("button", { name: "Remove Olga Owner" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
    await memberRow("olga").waitFor({ state: "detached" });
    expect(await memberRow("sarah").count()).toBe(1);
  });
});
