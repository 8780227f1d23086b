import { BillingPanel } from "../components/BillingPanel.tsx";
import { MembersTable } from "../components/MembersTable.tsx";
import { OrganizationGate } from "../components/OrganizationGate.tsx";

export function OrganizationPage() {
  return (
    <main className="page">
      <OrganizationGate>
        {(organization) => (
          <div key={organization.id}>
            <h1>{organization.name}</h1>
            <p className="muted">
              Your role: <strong data-testid="my-role">{organization.role ?? "not a member (admin access)"}</strong>
            </p>
            {organization.allowedActions.listMembers ? (
              <MembersTable organizationId={organization.id} canAssignRoles={organization.allowedActions.assignRole} />
            ) : (
              <p className="muted">The member list is visible to members and owners.</p>
            )}
            {organization.allowedActions.readBilling ? (
              <BillingPanel organizationId={organization.id} />
            ) : (
              <p className="muted">Billing details are visible to billing members and owners.</p>
            )}
          </div>
        )}
      </OrganizationGate>
    </main>
  );
}
