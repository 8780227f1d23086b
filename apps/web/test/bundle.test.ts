import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { webDist } from "./build-web.ts";

// The client imports only the router's *type*; if a value import slipped in, the server would ship.
const serverOnly = ["sequelize", "sqlite3", "@cerbos/http", "express", "jose"];

function assetTexts(): { file: string; text: string }[] {
  const dir = join(webDist, "assets");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".js") || file.endsWith(".css"))
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
}

describe("built web bundle", () => {
  it("has JavaScript and CSS assets", () => {
    const files = assetTexts().map((a) => a.file);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(files.some((f) => f.endsWith(".css"))).toBe(true);
  });

  it("does not ship the demo users or their password (the sign-in page lists them in development only)", () => {
    const found = assetTexts().filter(({ text }) => text.includes("password123") || text.includes("Demo users"));
    expect(found.map((a) => a.file)).toEqual([]);
  });

  it("contains no server code", () => {
    const found = assetTexts().flatMap(({ file, text }) =>
      serverOnly.filter((name) => text.includes(name)).map((name) => `${name} in ${file}`),
    );
    expect(found).toEqual([]);
  });
});
