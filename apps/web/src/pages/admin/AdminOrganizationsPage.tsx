import { ErrorState } from "../../components/ErrorState.tsx";
import { Badge } from "../../components/ui/badge.tsx";
import { ButtonLink } from "../../components/ui/button.tsx";
import { type Column, DataTable } from "../../components/ui/data-table.tsx";
import { Page } from "../../components/ui/page.tsx";
import { SkeletonList } from "../../components/ui/skeleton.tsx";
import { type Organization, useCurrentOrganization } from "../../lib/use-organization.ts";
import { AdminNav } from "./AdminNav.tsx";

const columns: Column<Organization>[] = [
  {
    key: "name",
    label: "Organization",
    card: "title",
    cell: (o) => (
      <a href={`#/admin/organizations/${o.id}`} className="font-medium">
        {o.name}
      </a>
    ),
  },
  {
    key: "role",
    label: "Your role",
    cell: (o) => (o.role ? <Badge>{o.role}</Badge> : <span className="text-slate-600">Not a member</span>),
  },
];

/** Every organization the admin may read (organizations.list: all of them for an admin). */
export function AdminOrganizationsPage() {
  const { organizations, isPending, error, refetch } = useCurrentOrganization();
  return (
    <Page title="Organizations" subtitle="Admin console: members and roles of every organization.">
      <AdminNav current="organizations" />
      {error ? <ErrorState error={error} onRetry={refetch} /> : null}
      {isPending && <SkeletonList label="Loading organizations…" rows={3} />}
      {!isPending && !error && (
        <DataTable
          caption="Organizations"
          rows={organizations}
          columns={columns}
          rowKey={(o) => o.id}
          rowData={(o) => ({ "data-organization-id": String(o.id) })}
          actions={(o) => (
            <ButtonLink size="sm" href={`#/admin/organizations/${o.id}`} aria-label={`Manage members of ${o.name}`}>
              Manage members
            </ButtonLink>
          )}
          empty={<p className="text-slate-600">No organizations.</p>}
        />
      )}
    </Page>
  );
}
