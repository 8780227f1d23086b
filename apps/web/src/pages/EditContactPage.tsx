import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ContactForm } from "../components/ContactForm.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import type { ContactDraft } from "../lib/contact-draft.ts";
import { useTRPC } from "../lib/trpc.ts";

export function EditContactPage({ id }: { id: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contact = useQuery(trpc.contacts.get.queryOptions({ id }));
  const update = useMutation(
    trpc.contacts.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.contacts.pathFilter());
        window.location.hash = "#/contacts";
      },
    }),
  );

  let body: ReactNode;
  if (contact.error) body = <ErrorMessage error={contact.error} />;
  else if (!contact.data)
    body = (
      <p role="status" className="muted">
        Loading contact…
      </p>
    );
  else {
    const c = contact.data;
    const initial: ContactDraft = {
      firstName: c.firstName,
      lastName: c.lastName,
      companyId: c.company?.id ?? null,
      isActive: c.isActive,
      marketingOptIn: c.marketingOptIn,
      tags: c.tags,
    };
    body = (
      <>
        {!c.allowedActions.update && (
          <p className="notice">The access policy does not let you edit this contact; saving will be refused.</p>
        )}
        <ContactForm
          organizationId={c.organizationId}
          initial={initial}
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onSubmit={(draft) => update.mutate({ id, ...draft })}
        />
      </>
    );
  }

  return (
    <main className="page narrow">
      <h1>Edit contact</h1>
      {body}
    </main>
  );
}
