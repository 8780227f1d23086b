import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../components/ErrorState.tsx";
import { MembersManager } from "../../components/members/MembersManager.tsx";
import { Alert } from "../../components/ui/alert.tsx";
import { Page } from "../../components/ui/page.tsx";
import { SkeletonList } from "../../components/ui/skeleton.tsx";
import { itemsOf } from "../../lib/list-items.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { useCurrentOrganization } from "../../lib/use-organization.ts";
import { AdminNav } from "./AdminNav.tsx";
import type { AdminUser } from "./BanButton.tsx";

/** One organization's members for an admin: add (from every user), remove, change role. */
export function AdminOrganizationPage({ id }: { id: number }) {
  const trpc = useTRPC();
  const { organizations, isPending, error, refetch } = useCurrentOrganization();
  const users = useQuery(trpc.users.list.queryOptions());
  const organization = organizations.find((o) => o.id === id);
  const back = { href: "#/admin/organizations", label: "Organizations" };
  return (
    <Page
      title={`${organization?.name ?? "Organization"} · Admin`}
      heading={organization?.name ?? "Organization"}
      subtitle="Admin console: members and roles."
      back={back}
    >
      <AdminNav current="organizations" />
      {error ? <ErrorState error={error} onRetry={refetch} /> : null}
      {isPending && <SkeletonList label="Loading the organization…" rows={4} />}
      {!isPending && !error && !organization && (
        <Alert tone="warning" title="Not found">
          <p>There is no organization {id}, or you may not see it.</p>
        </Alert>
      )}
      {organization && (
        <MembersManager
          organization={organization}
          users={
            users.data && itemsOf<AdminUser>(users.data).map((u) => ({ id: u.id, name: u.name, username: u.username }))
          }
        />
      )}
    </Page>
  );
}
