import { describe, expect, it } from "vitest";
import { hrefFor, parseHash, type Route } from "./route.ts";

describe("hash routes", () => {
  it("parse every page and round-trip through hrefFor", () => {
    const routes: Route[] = [
      { name: "signIn" },
      { name: "contacts" },
      { name: "newContact" },
      { name: "editContact", id: 12 },
      { name: "organization" },
    ];
    for (const route of routes) expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it("treat an empty hash as the contacts page and anything else as not found", () => {
    expect(parseHash("")).toEqual({ name: "contacts" });
    expect(parseHash("#/")).toEqual({ name: "contacts" });
    expect(parseHash("#/contacts/abc/edit")).toEqual({ name: "notFound", path: "/contacts/abc/edit" });
  });
});
