import { describe, expect, it } from "vitest";
import { initialListState, pageCount, toListInput, withFilter, withSort } from "./contact-list-state.ts";

describe("contact list state", () => {
  it("sends only the filters the user set, with the page as an offset", () => {
    const state = { ...initialListState, companyId: 3, page: 2 };
    expect(toListInput(state, 1, "  smy ")).toEqual({
      organizationId: 1,
      search: "smy",
      companyId: 3,
      sortBy: "lastName",
      sortDir: "asc",
      limit: 10,
      offset: 20,
    });
  });

  it("keeps isActive=false, which is a filter and not an absent one", () => {
    expect(toListInput({ ...initialListState, isActive: false }, 1, "")).toMatchObject({ isActive: false });
  });

  it("goes back to the first page when a filter or the sort changes", () => {
    const onPage3 = { ...initialListState, page: 3 };
    expect(withFilter(onPage3, { tag: "vip" })).toMatchObject({ tag: "vip", page: 0 });
    expect(withSort(onPage3, "company")).toMatchObject({ sortBy: "company", sortDir: "asc", page: 0 });
  });

  it("flips the direction when the sorted column is clicked again", () => {
    const once = withSort(initialListState, "firstName");
    expect(withSort(once, "firstName")).toMatchObject({ sortBy: "firstName", sortDir: "desc" });
    expect(withSort(withSort(once, "firstName"), "firstName")).toMatchObject({ sortDir: "asc" });
  });

  it("counts at least one page", () => {
    expect([0, 1, 10, 11, 25].map(pageCount)).toEqual([1, 1, 1, 2, 3]);
  });
});
