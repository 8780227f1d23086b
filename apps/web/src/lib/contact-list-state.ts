import type { RouterInputs } from "@repo/client";

type ListInput = NonNullable<Exclude<RouterInputs["contacts"]["list"], void>>;
export type SortField = NonNullable<ListInput["sortBy"]>;
export type SortDirection = NonNullable<ListInput["sortDir"]>;

export const pageSize = 10;

/** What the user chose on the contacts page; the API input is derived from it. */
export interface ContactListState {
  search: string;
  companyId: number | undefined;
  isActive: boolean | undefined;
  tag: string | undefined;
  sortBy: SortField;
  sortDir: SortDirection;
  page: number;
}

export const initialListState: ContactListState = {
  search: "",
  companyId: undefined,
  isActive: undefined,
  tag: undefined,
  sortBy: "lastName",
  sortDir: "asc",
  page: 0,
};

/** Changing a filter goes back to the first page: the old page number may no longer exist. */
export function withFilter(state: ContactListState, change: Partial<Omit<ContactListState, "page">>): ContactListState {
  return { ...state, ...change, page: 0 };
}

/** Clicking a sorted column flips its direction; clicking another sorts by it ascending. */
export function withSort(state: ContactListState, field: SortField): ContactListState {
  const sortDir: SortDirection = state.sortBy === field && state.sortDir === "asc" ? "desc" : "asc";
  return { ...state, sortBy: field, sortDir, page: 0 };
}

export function toListInput(state: ContactListState, organizationId: number, search: string): ListInput {
  const trimmed = search.trim();
  return {
    organizationId,
    ...(trimmed ? { search: trimmed } : {}),
    ...(state.companyId !== undefined ? { companyId: state.companyId } : {}),
    ...(state.isActive !== undefined ? { isActive: state.isActive } : {}),
    ...(state.tag !== undefined ? { tag: state.tag } : {}),
    sortBy: state.sortBy,
    sortDir: state.sortDir,
    limit: pageSize,
    offset: state.page * pageSize,
  };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
