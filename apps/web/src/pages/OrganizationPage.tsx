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
              Your role: <strong data-testid="my-role">{organization.role}</strong>
            </p>
            <MembersTable organizationId={organization.id} isOwner={organization.role === "owner"} />
            <BillingPanel organizationId={organization.id} />
          </div>
        )}
      </OrganizationGate>
    </main>
  );
}
