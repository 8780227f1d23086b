import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../src/http/web-headers.ts";
import type { TestStack } from "../src/testing/index.ts";
import { stackOn } from "./support/stack.ts";

// The web app served from WEB_DIR: hashed assets cached for a year, the page never without
// asking, and the Content-Security-Policy the app runs under (apps/web/README.md).

describe("the served web app's headers", () => {
  let app: TestStack;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), "web-dist-"));
    mkdirSync(join(webDir, "assets"));
    writeFileSync(
      join(webDir, "index.html"),
      '<!doctype html><script type="module" src="/assets/index-Ab12Cd.js"></script>',
    );
    writeFileSync(join(webDir, "assets", "index-Ab12Cd.js"), "console.log('app');");
    app = await stackOn("sqlite", { webDir });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  it("hashed assets are immutable for a year; index.html and the SPA fallback are no-cache; both carry the CSP", async () => {
    const asset = await fetch(`${app.url}/assets/index-Ab12Cd.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const path of ["/", "/index.html", "/some/deep/link"]) {
      const page = await fetch(`${app.url}${path}`, { headers: { accept: "text/html" } });
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain("/assets/index-Ab12Cd.js");
      expect(page.headers.get("cache-control"), path).toBe("no-cache");
      expect(page.headers.get("content-security-policy"), path).toBe(contentSecurityPolicy());
    }
    expect(asset.headers.get("content-security-policy")).toBe(contentSecurityPolicy());
  });

  it("the policy allows scripts from the app only, and the identity provider's origin for fetches", () => {
    expect(contentSecurityPolicy(["https://idp.example.com"])).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' https://idp.example.com; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
  });
});
