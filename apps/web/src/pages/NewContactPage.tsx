import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ContactForm } from "../components/contacts/ContactForm.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { OrganizationGate } from "../components/OrganizationGate.tsx";
import { Alert } from "../components/ui/alert.tsx";
import { Page } from "../components/ui/page.tsx";
import { SkeletonDetail } from "../components/ui/skeleton.tsx";
import { emptyDraft } from "../lib/contact-draft.ts";
import { markSaved } from "../lib/recently-saved.ts";
import { hrefFor } from "../lib/route.ts";
import { toast } from "../lib/toast-store.ts";
import { useTRPC } from "../lib/trpc.ts";
import type { Organization } from "../lib/use-organization.ts";
import { lastContactsList, navigate } from "../lib/use-route.ts";

function NewContact({ organization }: { organization: Organization }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const permissions = useQuery(trpc.contacts.permissions.queryOptions({ organizationId: organization.id }));
  const create = useMutation(
    trpc.contacts.create.mutationOptions({
      onSuccess: async (contact) => {
        markSaved(contact.id);
        toast({ title: `Added ${contact.firstName} ${contact.lastName}`, description: `To ${organization.name}.` });
        // The list is not on screen: refetch it too (not only active queries) before going back,
        // so the highlighted row shows what was saved, never the version before.
        await queryClient.invalidateQueries({ ...trpc.contacts.pathFilter(), refetchType: "all" });
        navigate(lastContactsList());
      },
    }),
  );
  if (permissions.error) return <ErrorState error={permissions.error} onRetry={() => permissions.refetch()} />;
  if (!permissions.data) return <SkeletonDetail label="Loading…" />;
  // The form is never shown to someone who could not save it.
  if (!permissions.data.canCreate) {
    return (
      <Alert tone="warning" title="You cannot add contacts here" testId="create-denied">
        <p>The access policy does not let you add contacts to {organization.name}.</p>
        <p>
          <a href={hrefFor(lastContactsList())}>Back to contacts</a>
        </p>
      </Alert>
    );
  }
  return (
    <ContactForm
      organizationId={organization.id}
      initial={emptyDraft}
      submitLabel="Create contact"
      cancelHref={hrefFor(lastContactsList())}
      pending={create.isPending}
      error={create.error}
      onSubmit={(draft) => create.mutate({ ...draft, organizationId: organization.id })}
    />
  );
}

export function NewContactPage() {
  return (
    <Page title="New contact" width="narrow" back={{ href: hrefFor(lastContactsList()), label: "Contacts" }}>
      <OrganizationGate loading={<SkeletonDetail label="Loading…" />}>
        {(organization) => <NewContact key={organization.id} organization={organization} />}
      </OrganizationGate>
    </Page>
  );
}
