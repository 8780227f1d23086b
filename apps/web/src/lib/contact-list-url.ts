import { type ContactListState, initialListState, type SortField } from "./contact-list-state.ts";

// Every sort the API accepts, so a hand-edited URL cannot ask for another.
const sortFields: readonly SortField[] = ["firstName", "lastName", "company", "createdAt", "updatedAt"];

const positiveInt = (raw: string | null): number | undefined => {
  if (raw === null || !/^\d{1,9}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value > 0 ? value : undefined;
};

/**
 * The contacts list's filters, sort and page as URL parameters (only those that differ from the
 * defaults), so back/forward and reload keep them: `?q=smy&status=inactive&sort=firstName&dir=desc&page=2`.
 */
export function listStateFromParams(params: URLSearchParams): ContactListState {
  const sort = params.get("sort");
  const status = params.get("status");
  const page = positiveInt(params.get("page"));
  return {
    search: params.get("q") ?? "",
    companyId: positiveInt(params.get("company")),
    isActive: status === "active" ? true : status === "inactive" ? false : undefined,
    tag: params.get("tag") || undefined,
    sortBy: sortFields.find((field) => field === sort) ?? initialListState.sortBy,
    sortDir: params.get("dir") === "desc" ? "desc" : "asc",
    page: page ? page - 1 : 0,
  };
}

export function listStateToParams(state: ContactListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search) params.set("q", state.search);
  if (state.companyId !== undefined) params.set("company", String(state.companyId));
  if (state.isActive !== undefined) params.set("status", state.isActive ? "active" : "inactive");
  if (state.tag) params.set("tag", state.tag);
  if (state.sortBy !== initialListState.sortBy) params.set("sort", state.sortBy);
  if (state.sortDir !== initialListState.sortDir) params.set("dir", state.sortDir);
  if (state.page > 0) params.set("page", String(state.page + 1));
  return params;
}
