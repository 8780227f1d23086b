import { BillingPanel } from "../components/BillingPanel.tsx";
import { MembersManager } from "../components/members/MembersManager.tsx";
import { OrganizationGate } from "../components/OrganizationGate.tsx";
import { Alert } from "../components/ui/alert.tsx";
import { Page } from "../components/ui/page.tsx";
import { SkeletonList } from "../components/ui/skeleton.tsx";
import { useCurrentOrganization } from "../lib/use-organization.ts";

export function OrganizationPage() {
  const { current } = useCurrentOrganization();
  return (
    <Page
      title={current ? `${current.name} · Organization` : "Organization"}
      heading={current?.name ?? "Organization"}
      subtitle={
        current && (
          <>
            Your role: <strong data-testid="my-role">{current.role ?? "not a member (admin access)"}</strong>
          </>
        )
      }
    >
      <OrganizationGate loading={<SkeletonList label="Loading the organization…" rows={4} />}>
        {(organization) => (
          <div key={organization.id} className="flex flex-col gap-4">
            {organization.allowedActions.listMembers ? (
              <MembersManager organization={organization} />
            ) : (
              <Alert tone="info" title="Members" live={false}>
                <p>The member list is visible to members and owners.</p>
              </Alert>
            )}
            {organization.allowedActions.readBilling ? (
              <BillingPanel organizationId={organization.id} />
            ) : (
              <Alert tone="info" title="Billing details" live={false}>
                <p>Billing details are visible to billing members and owners.</p>
              </Alert>
            )}
          </div>
        )}
      </OrganizationGate>
    </Page>
  );
}
