import { describe, expect, it } from "vitest";
import { initialListState } from "./contact-list-state.ts";
import { hrefFor, pageKey, parseHash, type Route } from "./route.ts";

describe("hash routes", () => {
  it("parse every page and round-trip through hrefFor", () => {
    const routes: Route[] = [
      { name: "signIn" },
      { name: "contacts", list: initialListState },
      { name: "contacts", list: { ...initialListState, search: "smy & co", isActive: false, page: 2 } },
      { name: "newContact" },
      { name: "contact", id: 12 },
      { name: "editContact", id: 12 },
      { name: "organization" },
      { name: "adminUsers" },
      { name: "adminOrganizations" },
      { name: "adminOrganization", id: 2 },
      { name: "adminDecisions", callId: "" },
      { name: "adminDecisions", callId: "01M8SW7HJ2QZPX6ZBSXYZZ8ZX6" },
    ];
    for (const route of routes) expect(parseHash(hrefFor(route))).toEqual(route);
  });

  it("keep the list's filters, sort and page in the URL, leaving out the defaults", () => {
    const list = {
      ...initialListState,
      companyId: 3,
      tag: "vip",
      sortBy: "firstName" as const,
      sortDir: "desc" as const,
      page: 1,
    };
    expect(hrefFor({ name: "contacts", list })).toBe("#/contacts?company=3&tag=vip&sort=firstName&dir=desc&page=2");
    expect(hrefFor({ name: "contacts", list: initialListState })).toBe("#/contacts");
  });

  it("ignore list parameters a hand-edited URL gets wrong", () => {
    expect(parseHash("#/contacts?sort=password&dir=sideways&page=-3&company=abc&status=maybe")).toEqual({
      name: "contacts",
      list: initialListState,
    });
  });

  it("treat an empty hash as the contacts page and anything else as not found", () => {
    expect(parseHash("")).toEqual({ name: "contacts", list: initialListState });
    expect(parseHash("#/")).toEqual({ name: "contacts", list: initialListState });
    expect(parseHash("#/contacts/abc/edit")).toEqual({ name: "notFound", path: "/contacts/abc/edit" });
  });

  it("identify a page without its query, so a filter change is not a navigation", () => {
    const a = parseHash("#/contacts?q=a");
    const b = parseHash("#/contacts?q=b&page=3");
    expect(pageKey(a)).toBe(pageKey(b));
    expect(pageKey(parseHash("#/contacts/1"))).not.toBe(pageKey(parseHash("#/contacts/2")));
  });
});
