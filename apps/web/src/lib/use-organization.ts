import type { RouterOutputs } from "@repo/client";
import { useQuery } from "@tanstack/react-query";
import { type ItemOf, itemsOf } from "./list-items.ts";
import { useSelectedOrganizationId } from "./session.ts";
import { useTRPC } from "./trpc.ts";

export type Organization = ItemOf<RouterOutputs["organizations"]["list"]>;

export interface CurrentOrganization {
  organizations: Organization[];
  /** The organization picked in the switcher, or the user's first one. */
  current: Organization | undefined;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

export function useCurrentOrganization(): CurrentOrganization {
  const trpc = useTRPC();
  const selectedId = useSelectedOrganizationId();
  const query = useQuery(trpc.organizations.list.queryOptions());
  const organizations = itemsOf<Organization>(query.data);
  const current = organizations.find((org) => org.id === selectedId) ?? organizations[0];
  return {
    organizations,
    current,
    isPending: query.isPending,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
