import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn } from "./actions.ts";
import { browserScenario } from "./scenario.ts";

const scenario = browserScenario();

/** The focused element's outline: its width, and its contrast with the background around it. */
async function focusRing(
  page: Page,
): Promise<{ element: string; width: number; contrast: number; outline: string; background: string }> {
  return page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} "${el.textContent?.trim() || el.getAttribute("aria-label") || ""}"`;
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    // Tailwind's colours are oklch(): let a canvas turn any CSS colour into sRGB bytes.
    const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    const rgb = (css: string) => {
      if (!canvas) return [0, 0, 0];
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = css;
      canvas.fillRect(0, 0, 1, 1);
      return [...canvas.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // The ring sits outside the element (offset 2 px): compare it with the first opaque ancestor.
    let around: Element | null = el.parentElement;
    let background = "rgb(255, 255, 255)";
    while (around) {
      const bg = getComputedStyle(around).backgroundColor;
      if (bg && bg !== "transparent" && !bg.startsWith("rgba(0, 0, 0, 0")) {
        background = bg;
        break;
      }
      around = around.parentElement;
    }
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
    const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return {
      element: describe(el),
      width: Number.parseFloat(style.outlineWidth),
      contrast: Math.round(contrast * 10) / 10,
      outline: style.outlineColor,
      background,
    };
  });
}

describe("keyboard and screen-reader use in Chromium at 1280 px", () => {
  it("the first Tab reaches the skip link, which moves focus past the header to the content", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    // A fresh load of the page, as when arriving from a bookmark.
    await page.reload();
    await page.locator("[data-contact-id]").first().waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.keyboard.press("Tab");
    // The next stop is inside the page, not in the header.
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });

  it("navigating moves focus to the new page's heading and names the tab after the page", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.getByRole("link", { name: "Nick Smyth", exact: true }).click();
    await page.getByRole("heading", { name: "Nick Smyth", level: 1 }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "H1");
    expect(await page.title()).toBe("Nick Smyth · Contacts directory");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organization" }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === "Acme Corp");
    expect(await page.title()).toBe("Acme Corp · Organization · Contacts directory");
  });

  it("the keyboard focus ring is at least 3 px and 3:1 against its background on buttons, links and fields", async () => {
    const { page, stack } = scenario;
    await signIn(page, stack.url, "john");
    await page.locator("[data-contact-id]").first().waitFor();
    const rings = [];
    for (const target of [
      page.getByRole("link", { name: "New contact" }),
      page.getByRole("link", { name: "Nick Smyth", exact: true }),
      page.getByLabel("Search"),
      page.getByRole("button", { name: "Delete Nick Smyth" }),
    ]) {
      await target.focus();
      // :focus-visible applies to keyboard focus: move there with the keyboard.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      rings.push(await focusRing(page));
    }
    expect(rings.filter((ring) => ring.width < 3 || ring.contrast < 3)).toEqual([]);
  });
});
