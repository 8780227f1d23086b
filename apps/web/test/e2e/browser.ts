import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

// Debian's Chromium, never a downloaded browser; no background traffic to the outside.
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export const screenshotDir = fileURLToPath(new URL("../../test-results/screenshots", import.meta.url));

/**
 * Saves the page (whole length) where scripts/test.sh points to it; returns the file's path. With
 * a dialog open, the viewport only: a full-page capture makes Chromium lay the page out at
 * another size for a moment, media queries flip (the tables turn into phone cards and back,
 * remounting their rows), and a confirmation dialog opened from a row closed under the test
 * (seen as `admin.test.ts` failing about once in ten runs). A modal covers the page anyway.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}/${name}.png`;
  const dialogOpen = (await page.locator("[role=dialog], [role=alertdialog]").count()) > 0;
  await page.screenshot({ path, fullPage: !dialogOpen, animations: "disabled" });
  return path;
}
