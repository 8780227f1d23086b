import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ContactForm } from "../components/ContactForm.tsx";
import { OrganizationGate } from "../components/OrganizationGate.tsx";
import { emptyDraft } from "../lib/contact-draft.ts";
import { useTRPC } from "../lib/trpc.ts";

function NewContact({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.contacts.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.contacts.pathFilter());
        window.location.hash = "#/contacts";
      },
    }),
  );
  // Reaching this page without the right to create still works: the API refuses, the form says why.
  return (
    <ContactForm
      organizationId={organizationId}
      initial={emptyDraft}
      submitLabel="Create contact"
      pending={create.isPending}
      error={create.error}
      onSubmit={(draft) => create.mutate({ ...draft, organizationId })}
    />
  );
}

export function NewContactPage() {
  return (
    <main className="page narrow">
      <h1>New contact</h1>
      <OrganizationGate>
        {(organization) => <NewContact key={organization.id} organizationId={organization.id} />}
      </OrganizationGate>
    </main>
  );
}
