import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.ts";

/** The companies of an organization that the user may read, for filters and pickers. */
export function useCompanies(organizationId: number) {
  const trpc = useTRPC();
  const query = useQuery(trpc.companies.list.queryOptions({ organizationId }));
  return query.data?.items ?? [];
}

/** Every tag name, for filters and pickers. */
export function useTags(): string[] {
  const trpc = useTRPC();
  const query = useQuery(trpc.tags.list.queryOptions());
  return (query.data ?? []).map((tag) => tag.name);
}
