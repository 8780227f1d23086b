import type { ReactNode } from "react";
import { type Organization, useCurrentOrganization } from "../lib/use-organization.ts";
import { ErrorState } from "./ErrorState.tsx";
import { Skeleton } from "./ui/skeleton.tsx";

interface Props {
  children: (organization: Organization) => ReactNode;
  /** What to show while the organizations load: the page's own skeleton, so loading is one stage. */
  loading?: ReactNode;
}

/** Renders its children for the current organization, with loading, error and "no organization" states. */
export function OrganizationGate({ children, loading }: Props) {
  const { current, isPending, error, refetch } = useCurrentOrganization();
  if (error) return <ErrorState error={error} onRetry={refetch} />;
  if (isPending) {
    return (
      loading ?? (
        <div role="status">
          <span className="sr-only">Loading…</span>
          <Skeleton className="h-24 w-full" />
        </div>
      )
    );
  }
  if (!current) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <p className="font-medium">You are not a member of any organization yet.</p>
        <p className="text-sm text-slate-600">Ask an organization's owner to add you.</p>
      </div>
    );
  }
  return <>{children(current)}</>;
}
