import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { launchChromium, saveScreenshot } from "./browser.ts";
import { type Stack, startStack } from "./stack.ts";

export interface Scenario {
  /** The page of the current test, in a fresh browser context. */
  readonly page: Page;
  /** PDP + API + built web app on a freshly seeded SQLite file, for the current test. */
  readonly stack: Stack;
}

/** A desktop window, or a phone held upright (390 × 844, touch, the page's viewport meta honoured). */
export type Viewport = "desktop" | "phone";

export const viewports = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const;

/**
 * Registers the hooks every browser scenario needs: one Chromium per file; per test a freshly
 * seeded stack (so one scenario's writes never leak into another) and a fresh context; a
 * screenshot when a test fails. Read `page` and `stack` inside tests, not at module level.
 */
export function browserScenario(viewport: Viewport = "desktop"): Scenario {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let current: { page: Page; stack: Stack } | undefined;
  // The API serves the app under its Content-Security-Policy: a violation fails the scenario.
  let cspViolations: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error("Chromium did not start");
    const stack = await startStack(inject("cerbosUrl"));
    context = await browser.newContext(viewports[viewport]);
    context.setDefaultTimeout(15_000);
    current = { page: await context.newPage(), stack };
    cspViolations = [];
    current.page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  afterEach(async ({ task }) => {
    // A failed scenario leaves a picture of where it stopped, next to the passing ones.
    if (task.result?.state === "fail" && current) {
      await saveScreenshot(current.page, `FAILED-${viewport}-${task.name.slice(0, 60)}`);
    }
    await context?.close();
    await current?.stack.stop();
    current = undefined;
    if (cspViolations.length > 0) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join("\n")}`);
  });

  const now = () => {
    if (!current) throw new Error("browserScenario: page and stack exist only inside a test");
    return current;
  };
  return {
    get page() {
      return now().page;
    },
    get stack() {
      return now().stack;
    },
  };
}
