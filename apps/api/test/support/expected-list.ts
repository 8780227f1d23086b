import type { ContactRow } from "@repo/testing";

export interface ListParams {
  organizationId?: number;
  search?: string;
  companyId?: number;
  isActive?: boolean;
  tag?: string;
  sortBy?: "firstName" | "lastName" | "createdAt" | "updatedAt" | "company";
  sortDir?: "asc" | "desc";
}

/** What contacts.list must return: the rows the oracle says are readable, filtered and in the list's order (key, then id). */
export function expectedList(contacts: ContactRow[], readable: (id: number) => boolean, params: ListParams) {
  const sortBy = params.sortBy ?? "lastName";
  const direction = params.sortDir === "desc" ? -1 : 1;
  const key = (c: ContactRow): string | number => {
    switch (sortBy) {
      case "firstName":
        return c.firstName.toLowerCase();
      case "lastName":
        return c.lastName.toLowerCase();
      case "company":
        return (c.companyName ?? "").toLowerCase();
      case "createdAt":
        return c.createdAt;
      case "updatedAt":
        return c.updatedAt;
    }
  };
  const search = params.search?.toLowerCase();
  return contacts
    .filter((c) => readable(c.id))
    .filter((c) => params.organizationId === undefined || c.organizationId === params.organizationId)
    .filter((c) => params.companyId === undefined || c.companyId === params.companyId)
    .filter((c) => params.isActive === undefined || c.isActive === params.isActive)
    .filter((c) => params.tag === undefined || c.tags.includes(params.tag))
    .filter((c) => !search || `${c.firstName} ${c.lastName}`.toLowerCase().includes(search))
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
      return (a.id - b.id) * direction;
    });
}
