import { describe, expect, it } from "vitest";
import { signIn, toastText, visibleContactIds } from "./actions.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

async function openOrganizationPage(): Promise<void> {
  await scenario.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organization" }).click();
  await scenario.page.getByTestId("my-role").waitFor();
}

async function signOut(): Promise<void> {
  await scenario.page.getByRole("button", { name: "Sign out" }).click();
  await scenario.page.getByRole("heading", { name: "Sign in" }).waitFor();
}

describe("organization page in Chromium at 1280 px", () => {
  it("olga (owner of Globex) gives ivan the billing role, and ivan then sees the billing details", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "ivan");
    await openOrganizationPage();
    expect(await page.getByTestId("my-role").textContent()).toBe("member");
    await page.getByText("Billing details are visible to billing members and owners.").waitFor();
    expect(await page.getByTestId("billing-address").count()).toBe(0);
    // A member sees the members, but may not change them.
    expect(await page.getByRole("button", { name: /Change role|Remove/ }).count()).toBe(0);
    await signOut();

    await signIn(page, stack.url, "olga");
    await openOrganizationPage();
    expect(await page.getByTestId("my-role").textContent()).toBe("owner");
    const ivanRow = page.locator('tr[data-username="ivan"]');
    await ivanRow.getByLabel("Role for Ivan IT").selectOption("billing");
    await ivanRow.getByRole("button", { name: "Change role of Ivan IT" }).click();
    expect(await toastText(page)).toContain("Ivan IT is now billing");
    await signOut();

    await signIn(page, stack.url, "ivan");
    await openOrganizationPage();
    expect(await page.getByTestId("my-role").textContent()).toBe("billing");
    await page.getByRole("heading", { name: "Billing details" }).waitFor();
    expect(await page.getByTestId("billing-address").textContent()).toBe("500 Oak Ave, Shelbyville");
  });

  it("sarah switches from Acme Corp to Globex Inc and the contacts follow the organization", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "sarah");
    const acme = await visibleContactIds(page);
    expect(acme.every((id) => id <= 5)).toBe(true);
    await page.getByLabel("Organization", { exact: true }).selectOption({ label: "Globex Inc" });
    await page.locator('tr[data-contact-id="6"]').waitFor();
    const globex = await visibleContactIds(page);
    expect(globex.every((id) => id >= 6)).toBe(true);
  });

  it("olga, an owner, adds a member by username; an unknown username is said at the field", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "olga");
    await openOrganizationPage();
    await page.getByLabel("Username").fill("nobody");
    await page.getByRole("button", { name: "Add member" }).click();
    await page.getByText("No user has this username.").waitFor();
    await page.getByLabel("Username").fill("geri");
    await page.getByText("No user has this username.").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Add member" }).click();
    expect(await toastText(page)).toContain("Added geri as member");
    await page.locator('tr[data-username="geri"]').waitFor();
  });
});
