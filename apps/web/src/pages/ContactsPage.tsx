import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ContactFilters } from "../components/ContactFilters.tsx";
import { ContactsTable } from "../components/ContactsTable.tsx";
import { ErrorMessage } from "../components/ErrorMessage.tsx";
import { NewContactLink } from "../components/NewContactLink.tsx";
import { OrganizationGate } from "../components/OrganizationGate.tsx";
import { Pagination } from "../components/Pagination.tsx";
import { type ContactListState, initialListState, toListInput } from "../lib/contact-list-state.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useDebounced } from "../lib/use-debounced.ts";
import { useCurrentOrganization } from "../lib/use-organization.ts";

function ContactsList({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const [state, setState] = useState<ContactListState>(initialListState);
  const search = useDebounced(state.search, 250);
  const list = useQuery({
    ...trpc.contacts.list.queryOptions(toListInput(state, organizationId, search)),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <ContactFilters organizationId={organizationId} state={state} onChange={setState} />
      {list.error && <ErrorMessage error={list.error} />}
      {list.isPending && (
        <p role="status" className="muted">
          Loading contacts…
        </p>
      )}
      {list.data && (
        <>
          <p className="muted" role="status" data-testid="contacts-total">
            {list.data.total === 1 ? "1 contact" : `${list.data.total} contacts`}
            {list.isFetching ? " (updating…)" : ""}
          </p>
          <ContactsTable items={list.data.items} state={state} onChange={setState} />
          <Pagination total={list.data.total} state={state} onChange={setState} />
        </>
      )}
    </>
  );
}

export function ContactsPage() {
  const { current } = useCurrentOrganization();
  return (
    <main className="page">
      <div className="toolbar">
        <h1>Contacts</h1>
        {current && <NewContactLink organizationId={current.id} />}
      </div>
      <OrganizationGate>
        {(organization) => <ContactsList key={organization.id} organizationId={organization.id} />}
      </OrganizationGate>
    </main>
  );
}
