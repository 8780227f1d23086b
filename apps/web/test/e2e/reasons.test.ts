import { createHmac } from "node:crypto";
import { testSecret } from "@repo/api/testing";
import { describe, expect, it } from "vitest";
import { deniedCallId, signIn } from "./actions.ts";
import { saveScreenshot } from "./browser.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

/** A token of the test stack's API for john that expired a minute ago (HS256 with its secret). */
function expiredToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: "HS256" })}.${part({ tv: 0, sub: "john", iss: "repo-api", iat: now - 3600, exp: now - 60 })}`;
  return `${unsigned}.${createHmac("sha256", testSecret).update(unsigned).digest("base64url")}`;
}

describe("every denial explained, in Chromium at 1280 px", () => {
  it("sarah owns Acme Corp but not John's contact: View only, and Why? gives the policy's words and a reference", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "sarah");
    await page.goto(`${stack.url}/#/contacts/1`);
    const viewOnly = page.getByTestId("view-only");
    await viewOnly.waitFor();
    await viewOnly.getByRole("button", { name: "Why?" }).click();
    const why = page.getByTestId("why-not");
    await why.getByText("Only the contact's owner (or an admin) may edit it.").waitFor();
    await why.getByText("Only the contact's owner (or an admin) may delete it.").waitFor();
    expect(await why.textContent()).toMatch(/Reference for support \(Cerbos call id\): [0-9A-Z]{26}/);
    // Not an admin: the reference is text, not a link to the decision lookup.
    expect(await why.getByRole("link").count()).toBe(0);
    await saveScreenshot(page, "desktop-flow-why-not");
  });

  it("geri (Marketing) is told why she may not open an inactive contact, nor add one", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "geri");
    expect(await page.getByTestId("create-denied").textContent()).toContain(
      "Only the Sales department may add contacts.",
    );
    await page.goto(`${stack.url}/#/contacts/2`);
    const reasons = page.getByTestId("denial-reasons");
    await reasons.waitFor();
    expect(await reasons.locator("li").allTextContents()).toEqual([
      "Marketing sees only active contacts that opted in.",
      "It is not tagged public (public contacts are open to every member).",
    ]);
    expect(await page.getByRole("alert").textContent()).toContain("Reference for support");
    await saveScreenshot(page, "desktop-flow-denied-reasons");
  });

  it("bruno is banned: the list says why he may not add contacts", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "bruno");
    const denied = page.getByTestId("create-denied");
    await denied.waitFor();
    expect(await denied.textContent()).toMatch(/You may not add contacts here: .*Banned users/);
    await saveScreenshot(page, "desktop-flow-banned-reason");
  });

  it("an expired session says so on the sign-in page", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    const token = expiredToken();
    await page.evaluate((expired) => {
      const session = JSON.parse(sessionStorage.getItem("contacts.session") ?? "{}");
      sessionStorage.setItem("contacts.session", JSON.stringify({ ...session, token: expired }));
    }, token);
    await page.reload();
    const notice = page.getByTestId("sign-out-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Your session expired");
    await saveScreenshot(page, "desktop-flow-session-expired");
  });

  it("alice looks a decision up by the call id of sarah's denial: principal, resource, effect, policy and rule", async () => {
    const { page, stack } = scenario;
    const callId = await deniedCallId(stack.url);
    await signIn(page, stack.url, "alice");
    await page.goto(`${stack.url}/#/admin/decisions`);
    await page.getByLabel("Cerbos call id").fill(callId.toLowerCase());
    await page.getByRole("button", { name: "Look up" }).click();
    const decision = page.getByTestId("decision");
    await decision.waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe(`#/admin/decisions?callId=${callId}`);
    const text = (await decision.textContent()) ?? "";
    expect(text).toContain("CheckResources decision");
    expect(text).toContain("Principal sarah");
    expect(text).toContain("Resource contact 1");
    // contacts.update checks the contact as it is and as it will be: the first is the row as it is.
    const update = decision.locator('[data-action="update"]').first();
    expect(await update.textContent()).toContain("Denied");
    expect(await update.textContent()).toContain("resource.contact.vdefault (contact.yaml)");
    expect(await update.textContent()).toContain(
      "Rule owner-update: Only the contact's owner (or an admin) may edit it.",
    );
    await saveScreenshot(page, "desktop-flow-decision-lookup");

    await page.getByLabel("Cerbos call id").fill("not a call id");
    await page.getByRole("button", { name: "Look up" }).click();
    await page.getByText("Cerbos call id is not valid.").waitFor();
  });
});
