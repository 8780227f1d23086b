import { type Client, createClient } from "@repo/client";
import type { Page } from "playwright-core";

/** Signs in through the real form, as a person would, and waits for the contacts page. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/sign-in`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "Contacts", level: 1 }).waitFor();
}

/** Waits for the list (table rows or cards) or its empty state; the contact ids shown, in order. */
export async function visibleContactIds(page: Page): Promise<number[]> {
  await page.locator("[data-contact-id], [data-testid=empty]").first().waitFor();
  const ids = await page
    .locator("[data-contact-id]")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-contact-id")));
  return ids.map(Number);
}

export async function totalText(page: Page): Promise<string> {
  return (await page.getByTestId("contacts-total").textContent()) ?? "";
}

/** Waits until the list shows the answer to the latest request (no refetch in flight). */
export async function listSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const total = document.querySelector('[data-testid="contacts-total"]');
    return total !== null && !total.textContent?.includes("updating");
  });
}

/** The URL's hash, e.g. `#/contacts?status=inactive`. */
export async function hashOf(page: Page): Promise<string> {
  return page.evaluate(() => window.location.hash);
}

/** The text of the newest toast, once one is shown. */
export async function toastText(page: Page): Promise<string> {
  const toast = page.getByTestId("toast").last();
  await toast.waitFor();
  return (await toast.textContent()) ?? "";
}

/** The typed client signed in as a demo user, for setting up data a scenario needs. */
export async function clientFor(baseUrl: string, username: string): Promise<Client> {
  const anonymous = createClient({ url: `${baseUrl}/trpc`, getToken: () => null });
  const { token } = await anonymous.auth.login.mutate({ username, password: "password123" });
  return createClient({ url: `${baseUrl}/trpc`, getToken: () => token });
}

/** The Cerbos call id of a denial: sarah (owner of Acme Corp) may not edit John's contact 1. */
export async function deniedCallId(baseUrl: string): Promise<string> {
  const sarah = await clientFor(baseUrl, "sarah");
  try {
    await sarah.contacts.update.mutate({ id: 1, firstName: "Jon" });
  } catch (error) {
    const callId = (error as { data?: { cerbosCallId?: unknown } }).data?.cerbosCallId;
    if (typeof callId === "string") return callId;
    throw error;
  }
  throw new Error("sarah was allowed to edit John's contact");
}
