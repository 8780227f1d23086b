import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ContactForm } from "../components/contacts/ContactForm.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { Alert } from "../components/ui/alert.tsx";
import { Page } from "../components/ui/page.tsx";
import { SkeletonDetail } from "../components/ui/skeleton.tsx";
import type { ContactDraft } from "../lib/contact-draft.ts";
import { markSaved } from "../lib/recently-saved.ts";
import { hrefFor } from "../lib/route.ts";
import { toast } from "../lib/toast-store.ts";
import { useTRPC } from "../lib/trpc.ts";
import { isRetryable } from "../lib/use-retry.ts";
import { lastContactsList, navigate } from "../lib/use-route.ts";

export function EditContactPage({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contact = useQuery(trpc.contacts.get.queryOptions({ id }));
  const update = useMutation(
    trpc.contacts.update.mutationOptions({
      onSuccess: async (saved) => {
        markSaved(saved.id);
        toast({ title: `Saved ${saved.firstName} ${saved.lastName}` });
        // The list is not on screen: refetch it too (not only active queries) before going back,
        // so the highlighted row shows what was saved, never the version before.
        await queryClient.invalidateQueries({ ...trpc.contacts.pathFilter(), refetchType: "all" });
        navigate(lastContactsList());
      },
    }),
  );
  const c = contact.data;
  const name = c ? `${c.firstName} ${c.lastName}` : "contact";
  const detailHref = hrefFor({ name: "contact", id });

  let body: ReactNode;
  if (contact.error) {
    body = (
      <ErrorState
        error={contact.error}
        onRetry={isRetryable(contact.error) ? () => contact.refetch() : undefined}
        retrying={contact.isFetching}
      />
    );
  } else if (!c) {
    body = <SkeletonDetail label="Loading contact…" />;
  } else if (!c.allowedActions.update) {
    // The form is never shown to someone who could not save it.
    body = (
      <Alert tone="warning" title="You cannot edit this contact" testId="edit-denied">
        <p>The access policy lets you see {name} but not change it.</p>
        <p>
          <a href={detailHref}>View {name}</a>
        </p>
      </Alert>
    );
  } else {
    const initial: ContactDraft = {
      firstName: c.firstName,
      lastName: c.lastName,
      companyId: c.company?.id ?? null,
      isActive: c.isActive,
      marketingOptIn: c.marketingOptIn,
      tags: c.tags,
    };
    body = (
      <ContactForm
        organizationId={c.organizationId}
        initial={initial}
        submitLabel="Save changes"
        cancelHref={detailHref}
        pending={update.isPending}
        error={update.error}
        onSubmit={(draft) => update.mutate({ id, ...draft })}
      />
    );
  }

  return (
    <Page
      title={c ? `Edit ${name}` : "Edit contact"}
      width="narrow"
      back={{ href: detailHref, label: c ? name : "Contact" }}
    >
      {body}
    </Page>
  );
}
