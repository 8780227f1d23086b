/**
 * What a first page load costs: the built bundle's size (raw and gzip, JS + CSS) and the time from
 * navigation to the contacts table on the seeded data, in Chromium with a cold cache each time.
 * Prints figures; asserts nothing. Run: `npx tsx scripts/measure-first-load.ts` in apps/web.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { startTestStack } from "@repo/api/testing";
import { createClient } from "@repo/client";
import { repoPoliciesDir, startPdp } from "@repo/pdp";
import type { Page } from "playwright-core";
import { buildWeb, webDist } from "../test/build-web.ts";
import { launchChromium } from "../test/e2e/browser.ts";

const runs = 5;

interface Sizes {
  raw: number;
  gzip: number;
}

function sizesOf(files: string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(webDist, "assets", file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Every JS and CSS asset, and the ones index.html loads up front (the rest load on first use). */
function bundleSizes(): { all: Sizes; firstLoad: Sizes } {
  const all = readdirSync(join(webDist, "assets")).filter((f) => f.endsWith(".js") || f.endsWith(".css"));
  const html = readFileSync(join(webDist, "index.html"), "utf8");
  const firstLoad = all.filter((file) => html.includes(`/assets/${file}"`));
  return { all: sizesOf(all), firstLoad: sizesOf(firstLoad) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The browser's own timings of the last run: document, bundle, and each API round trip. */
async function breakdown(page: Page): Promise<string> {
  const entries = await page.evaluate(() => [
    ...(performance.getEntriesByType("navigation") as PerformanceNavigationTiming[]).map((e) => ({
      name: "document",
      start: 0,
      end: e.responseEnd,
    })),
    ...(performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((e) => ({
      name: new URL(e.name).pathname,
      start: e.startTime,
      end: e.responseEnd,
    })),
  ]);
  return entries.map((e) => `${e.name.slice(0, 60)} ${e.start.toFixed(0)}→${e.end.toFixed(0)} ms`).join("; ");
}

await buildWeb();
const sizes = bundleSizes();
console.log(
  `first load (what index.html loads, JS + CSS): ${kb(sizes.firstLoad.raw)} raw, ${kb(sizes.firstLoad.gzip)} gzip`,
);
console.log(`whole bundle (with the pages loaded on first use): ${kb(sizes.all.raw)} raw, ${kb(sizes.all.gzip)} gzip`);

const pdp = await startPdp({ policiesDir: repoPoliciesDir });
// The test stack without the E2E helper (it reads the Admin API credentials from vitest's inject).
const stack = await startTestStack({ cerbosUrl: pdp.httpUrl, logLevel: "warn", webDir: webDist });
const browser = await launchChromium();
try {
  const client = createClient({ url: `${stack.url}/trpc`, getToken: () => null });
  const session = await client.auth.login.mutate({ username: "john", password: "password123" });
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A new context each run: empty HTTP cache, the session already in sessionStorage as after sign-in.
    const context = await browser.newContext();
    await context.addInitScript((value) => sessionStorage.setItem("contacts.session", value), JSON.stringify(session));
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${stack.url}/#/contacts`);
    await page.locator("tr[data-contact-id]").first().waitFor({ state: "visible" });
    timings.push(performance.now() - started);
    if (run === runs - 1) console.log(`last run, where the time went: ${await breakdown(page)}`);
    await context.close();
  }
  console.log(
    `navigation → contacts table visible (john, seeded data, cold cache): runs ${timings.map((t) => t.toFixed(0)).join(", ")} ms; median ${median(timings).toFixed(0)} ms`,
  );
} finally {
  await browser.close();
  await stack.stop();
  await pdp.stop();
}
