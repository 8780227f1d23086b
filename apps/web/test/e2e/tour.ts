import type { Page } from "playwright-core";
import { deniedCallId, signIn } from "./actions.ts";
import { saveScreenshot, screenshotDir } from "./browser.ts";
import { type AxeViolation, horizontalOverflow, seriousAxeViolations, settled } from "./checks.ts";
import type { Viewport } from "./scenario.ts";

export interface PageVisit {
  name: string;
  title: string;
  overflow: number;
  violations: AxeViolation[];
}

interface Stop {
  name: string;
  user: string;
  /** The route; a function for one that needs data of this stack first (a call id). */
  hash: string | ((baseUrl: string) => Promise<string>);
  /** What is on screen once the page has loaded. */
  ready: (page: Page) => Promise<unknown>;
}

const heading = (name: string) => (page: Page) => page.getByRole("heading", { name, level: 1 }).waitFor();

/** Every route of the app, as the user who sees most of it. */
export const stops: Stop[] = [
  {
    name: "contacts",
    user: "john",
    hash: "#/contacts",
    ready: (p) => p.locator("[data-contact-id]").first().waitFor(),
  },
  { name: "contact-detail", user: "john", hash: "#/contacts/1", ready: (p) => p.getByTestId("no-notes").waitFor() },
  { name: "contact-view-only", user: "john", hash: "#/contacts/3", ready: (p) => p.getByTestId("view-only").waitFor() },
  { name: "contact-edit", user: "john", hash: "#/contacts/1/edit", ready: (p) => p.getByLabel("First name").waitFor() },
  {
    name: "contact-edit-denied",
    user: "john",
    hash: "#/contacts/3/edit",
    ready: (p) => p.getByTestId("edit-denied").waitFor(),
  },
  { name: "contact-new", user: "john", hash: "#/contacts/new", ready: (p) => p.getByLabel("First name").waitFor() },
  {
    name: "contact-not-found",
    user: "john",
    hash: "#/contacts/999",
    ready: (p) => p.getByTestId("error-state").waitFor(),
  },
  {
    name: "organization",
    user: "sarah",
    hash: "#/organization",
    ready: (p) => p.getByTestId("billing-address").waitFor(),
  },
  {
    name: "admin-users",
    user: "alice",
    hash: "#/admin/users",
    ready: (p) => p.locator("[data-user-id]").first().waitFor(),
  },
  {
    name: "admin-organizations",
    user: "alice",
    hash: "#/admin/organizations",
    ready: (p) => p.locator("[data-organization-id]").first().waitFor(),
  },
  {
    name: "admin-organization",
    user: "alice",
    hash: "#/admin/organizations/1",
    ready: (p) => p.locator("[data-username]").first().waitFor(),
  },
  {
    name: "admin-decisions",
    user: "alice",
    hash: async (baseUrl) => `#/admin/decisions?callId=${await deniedCallId(baseUrl)}`,
    ready: (p) => p.getByTestId("decision").waitFor(),
  },
  { name: "page-not-found", user: "alice", hash: "#/no/such/page", ready: heading("Page not found") },
];

async function visit(page: Page, viewport: Viewport, name: string): Promise<PageVisit> {
  await settled(page);
  const violations = viewport === "desktop" ? await seriousAxeViolations(page) : [];
  await saveScreenshot(page, `${viewport}-${name}`);
  return { name, title: await page.title(), overflow: await horizontalOverflow(page), violations };
}

/**
 * Visits every page (the sign-in page empty, then submitted empty, then each route as the user
 * who sees most of it), saving a screenshot of each as `<viewport>-<page>.png`; on the desktop
 * also runs axe-core on each.
 */
export async function tour(page: Page, baseUrl: string, viewport: Viewport): Promise<PageVisit[]> {
  const visits: PageVisit[] = [];
  await page.goto(`${baseUrl}/#/sign-in`);
  await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
  visits.push(await visit(page, viewport, "sign-in"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByText("Enter your username.").waitFor();
  visits.push(await visit(page, viewport, "sign-in-empty-submitted"));

  let user = "";
  for (const stop of stops) {
    if (stop.user !== user) {
      await page.evaluate(() => sessionStorage.clear());
      await signIn(page, baseUrl, stop.user);
      user = stop.user;
    }
    await page.goto(`${baseUrl}/${typeof stop.hash === "string" ? stop.hash : await stop.hash(baseUrl)}`);
    await stop.ready(page);
    visits.push(await visit(page, viewport, stop.name));
  }
  console.log(`screenshots of every page (${viewport}): ${screenshotDir}/${viewport}-*.png`);
  return visits;
}
