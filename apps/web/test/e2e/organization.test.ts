import { describe, expect, it } from "vitest";
import { signIn, visibleContactIds } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

async function openOrganizationPage(): Promise<void> {
  await scenario.page.getByRole("link", { name: "Organization", exact: true }).click();
  await scenario.page.getByTestId("my-role").waitFor();
}

async function signOut(): Promise<void> {
  await scenario.page.getByRole("button", { name: "Sign out" }).click();
  await scenario.page.getByRole("heading", { name: "Sign in" }).waitFor();
}

describe("organization page in Chromium", () => {
  it("olga (owner of Globex) gives ivan the billing role, and ivan then sees the billing details", async () => {
    await signIn(scenario.page, scenario.stack.url, "ivan");
    await openOrganizationPage();
    expect(await scenario.page.getByTestId("my-role").textContent()).toBe("member");
    await scenario.page.getByText("Billing details are visible to billing members and owners.").waitFor();
    expect(await scenario.page.getByTestId("billing-address").count()).toBe(0);
    await signOut();

    await signIn(scenario.page, scenario.stack.url, "olga");
    await openOrganizationPage();
    expect(await scenario.page.getByTestId("my-role").textContent()).toBe("owner");
    const ivanRow = scenario.page.locator('tr[data-username="ivan"]');
    await ivanRow.getByLabel("Role for Ivan IT").selectOption("billing");
    await ivanRow.getByRole("button", { name: "Assign role to Ivan IT" }).click();
    await ivanRow.getByRole("cell", { name: "billing", exact: true }).waitFor();
    await signOut();

    await signIn(scenario.page, scenario.stack.url, "ivan");
    await openOrganizationPage();
    expect(await scenario.page.getByTestId("my-role").textContent()).toBe("billing");
    await scenario.page.getByRole("heading", { name: "Billing details" }).waitFor();
    expect(await scenario.page.getByTestId("billing-address").textContent()).toBe("500 Oak Ave, Shelbyville");
    await saveScreenshot(scenario.page, "ivan-sees-billing");
  });

  it("sarah switches from Acme Corp to Globex Inc and the contacts follow the organization", async () => {
    await signIn(scenario.page, scenario.stack.url, "sarah");
    const acme = await visibleContactIds(scenario.page);
    expect(acme.every((id) => id <= 5)).toBe(true);
    await scenario.page.getByLabel("Organization", { exact: true }).selectOption({ label: "Globex Inc" });
    await scenario.page.locator('tr[data-contact-id="6"]').waitFor();
    const globex = await visibleContactIds(scenario.page);
    expect(globex.every((id) => id >= 6)).toBe(true);
    await saveScreenshot(scenario.page, "sarah-switched-to-globex");
  });
});
