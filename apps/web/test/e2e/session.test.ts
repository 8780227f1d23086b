import { describe, expect, it } from "vitest";
import { clientFor, signIn } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

describe("signing in and sessions in Chromium at 1280 px", () => {
  it("an empty sign-in form says what is missing next to each field, without asking the API", async () => {
    const { page, stack } = scenario;
    const logins: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("auth.login")) logins.push(request.url());
    });
    await page.goto(`${stack.url}/#/sign-in`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const username = page.getByLabel("Username");
    await page.getByText("Enter your username.").waitFor();
    await page.getByText("Enter your password.").waitFor();
    expect(await username.getAttribute("aria-invalid")).toBe("true");
    expect(await username.getAttribute("aria-describedby")).toBe("sign-in-username-error");
    expect(logins).toEqual([]);
    await username.fill("john");
    await page.getByText("Enter your username.").waitFor({ state: "detached" });
  });

  it("a wrong password is titled as such, not as a session that ended", async () => {
    const { page, stack } = scenario;
    await page.goto(`${stack.url}/#/sign-in`);
    await page.getByLabel("Username").fill("john");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Wrong username or password");
    expect(await alert.textContent()).not.toContain("session");
    await saveScreenshot(page, "desktop-flow-wrong-password");
  });

  it("the production build shows no demo users and no demo password", async () => {
    const { page, stack } = scenario;
    await page.goto(`${stack.url}/#/sign-in`);
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toContain("password123");
    expect(text).not.toContain("Demo users");
  });

  it("a revoked session sends john to the sign-in page, which says why, and signing in again returns him where he was", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.goto(`${stack.url}/#/contacts/1`);
    await page.getByRole("heading", { name: "Nick Smyth", level: 1 }).waitFor();
    // Signing out elsewhere revokes every token of the user (the token version moves on).
    await (await clientFor(stack.url, "john")).auth.logout.mutate();

    await page.reload();
    const notice = page.getByTestId("sign-out-notice");
    await notice.waitFor();
    // The API says why (data.authFailure: revoked), the page says it in words.
    expect(await notice.textContent()).toContain("You were signed out everywhere");
    expect(await notice.textContent()).toContain("an administrator changed your account");
    await saveScreenshot(page, "desktop-flow-session-revoked");
    await page.getByLabel("Username").fill("john");
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("heading", { name: "Nick Smyth", level: 1 }).waitFor();
  });

  it("a page that fails to load offers Try again and Go back; trying again once the network is back shows the page", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.route("**/trpc/contacts.get**", (route) => route.abort("internetdisconnected"));
    await page.getByRole("link", { name: "Nick Smyth", exact: true }).click();
    await page.getByTestId("error-state").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Cannot reach the server");
    await page.getByRole("button", { name: "Go back" }).waitFor();
    await saveScreenshot(page, "desktop-flow-error-retry");

    await page.unroute("**/trpc/contacts.get**");
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "Nick Smyth", level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
  });

  it("a contact that does not exist says so, with a way back and no pointless retry", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.goto(`${stack.url}/#/contacts/999`);
    await page.getByTestId("error-state").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("Not found");
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
    await page.getByRole("button", { name: "Go back" }).click();
    await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
  });

  it("bruno, who is banned, is told so on every page", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "bruno");
    const banner = page.getByText("Your account is banned.");
    await banner.waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organization" }).click();
    await page.getByTestId("my-role").waitFor();
    expect(await banner.isVisible()).toBe(true);
    await saveScreenshot(page, "desktop-flow-banned-banner");
  });
});
