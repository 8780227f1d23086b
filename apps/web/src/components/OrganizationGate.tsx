import type { ReactNode } from "react";
import { type Organization, useCurrentOrganization } from "../lib/use-organization.ts";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** Renders its children for the current organization, with loading, error and "no organization" states. */
export function OrganizationGate({ children }: { children: (organization: Organization) => ReactNode }) {
  const { current, isPending, error } = useCurrentOrganization();
  if (error) return <ErrorMessage error={error} />;
  if (isPending)
    return (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  if (!current) return <p>You are not a member of any organization yet.</p>;
  return <>{children(current)}</>;
}
