import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { ContactFilters } from "../components/contacts/ContactFilters.tsx";
import { ContactsList } from "../components/contacts/ContactsList.tsx";
import { NewContactLink } from "../components/contacts/NewContactLink.tsx";
import { Pagination } from "../components/contacts/Pagination.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { OrganizationGate } from "../components/OrganizationGate.tsx";
import { Page } from "../components/ui/page.tsx";
import { SkeletonList } from "../components/ui/skeleton.tsx";
import { type ContactListState, toListInput } from "../lib/contact-list-state.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useCurrentOrganization } from "../lib/use-organization.ts";
import { navigate } from "../lib/use-route.ts";

type Change = (state: ContactListState, options?: { replace?: boolean }) => void;

// The offset pages always ask for the total (withTotal defaults to true): `null` never reaches here.
const totalText = (total: number) => (total === 1 ? "1 contact" : `${total} contacts`);

function ContactsResults({
  organizationId,
  state,
  onChange,
}: {
  organizationId: number;
  state: ContactListState;
  onChange: Change;
}) {
  const trpc = useTRPC();
  const list = useQuery({
    ...trpc.contacts.list.queryOptions(toListInput(state, organizationId, state.search)),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <ContactFilters organizationId={organizationId} state={state} onChange={onChange} />
      {list.error && <ErrorState error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />}
      {list.isPending && <SkeletonList label="Loading contacts…" />}
      {list.data && (
        <>
          <p className="text-sm text-slate-700" role="status" data-testid="contacts-total">
            {list.data.total !== null && totalText(list.data.total)}
            {list.isFetching ? " (updating…)" : ""}
          </p>
          <ContactsList items={list.data.items} state={state} onChange={onChange} />
          {!!list.data.total && <Pagination total={list.data.total} state={state} onChange={onChange} />}
        </>
      )}
    </>
  );
}

/** The contacts list; its filters, sort and page live in the URL (`#/contacts?q=…&page=2`). */
export function ContactsPage({ list }: { list: ContactListState }) {
  const { current } = useCurrentOrganization();
  const onChange = useCallback<Change>((state, options) => navigate({ name: "contacts", list: state }, options), []);
  return (
    <Page
      title="Contacts"
      subtitle={current ? `In ${current.name}` : undefined}
      actions={current && <NewContactLink organizationId={current.id} />}
    >
      <OrganizationGate loading={<SkeletonList label="Loading contacts…" />}>
        {(organization) => (
          <ContactsResults key={organization.id} organizationId={organization.id} state={list} onChange={onChange} />
        )}
      </OrganizationGate>
    </Page>
  );
}
