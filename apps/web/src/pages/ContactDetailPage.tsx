import type { RouterOutputs } from "@repo/client";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { lazy, Suspense } from "react";
import { DeleteContactButton } from "../components/contacts/ContactRowActions.tsx";
import { ErrorState } from "../components/ErrorState.tsx";
import { Alert } from "../components/ui/alert.tsx";
import { Badge } from "../components/ui/badge.tsx";
import { ButtonLink } from "../components/ui/button.tsx";
import { Card } from "../components/ui/card.tsx";
import { Page } from "../components/ui/page.tsx";
import { SkeletonDetail, SkeletonList } from "../components/ui/skeleton.tsx";
import { WhyNot } from "../components/WhyNot.tsx";
import { hrefFor } from "../lib/route.ts";
import { useTRPC } from "../lib/trpc.ts";
import { isRetryable } from "../lib/use-retry.ts";
import { lastContactsList, navigate } from "../lib/use-route.ts";

type Contact = RouterOutputs["contacts"]["get"];

// The notes (and their form, with zod) load after the contact: the details show first.
const NotesPanel = lazy(() => import("../components/notes/NotesPanel.tsx").then((m) => ({ default: m.NotesPanel })));

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-0.5">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function Details({ contact }: { contact: Contact }) {
  return (
    <Card aria-labelledby="details-heading">
      <h2 id="details-heading" className="mb-3 text-lg font-semibold">
        Details
      </h2>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
        <Item label="Company">{contact.company?.name ?? "No company"}</Item>
        <Item label="Owner">{contact.owner.name}</Item>
        <Item label="Status">{contact.isActive ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}</Item>
        <Item label="Marketing">{contact.marketingOptIn ? "Opted in" : "Not opted in"}</Item>
        <Item label="Tags">
          {contact.tags.length === 0 ? (
            "None"
          ) : (
            <span className="flex flex-wrap gap-1">
              {contact.tags.map((tag) => (
                <Badge key={tag} tone="blue">
                  {tag}
                </Badge>
              ))}
            </span>
          )}
        </Item>
        <Item label="Added">{dateTime.format(new Date(contact.createdAt))}</Item>
        <Item label="Last updated">{dateTime.format(new Date(contact.updatedAt))}</Item>
      </dl>
    </Card>
  );
}

/** A contact, read-only; Edit and Delete only when the access policy allows them. */
export function ContactDetailPage({ id }: { id: number }) {
  const trpc = useTRPC();
  const contact = useQuery(trpc.contacts.get.queryOptions({ id }));
  const c = contact.data;
  const name = c ? `${c.firstName} ${c.lastName}` : "Contact";
  const back = { href: hrefFor(lastContactsList()), label: "Contacts" };

  if (!c) {
    return (
      <Page title={contact.error ? "Contact unavailable" : "Contact"} back={back} width="narrow">
        {contact.error ? (
          <ErrorState
            error={contact.error}
            onRetry={isRetryable(contact.error) ? () => contact.refetch() : undefined}
            retrying={contact.isFetching}
          />
        ) : (
          <SkeletonDetail label="Loading contact…" />
        )}
      </Page>
    );
  }
  const { update, delete: canDelete } = c.allowedActions;
  return (
    <Page
      title={name}
      back={back}
      width="narrow"
      actions={
        <>
          {update && (
            <ButtonLink variant="primary" href={hrefFor({ name: "editContact", id })}>
              Edit
            </ButtonLink>
          )}
          {canDelete && <DeleteContactButton id={id} name={name} onDeleted={() => navigate(lastContactsList())} />}
        </>
      }
    >
      {!update && !canDelete && (
        <Alert tone="info" title="View only" testId="view-only">
          <p>The access policy lets you see this contact but not change or delete it.</p>
          <WhyNot
            kind="contact"
            id={id}
            actions={[
              { action: "update", label: "edit it" },
              { action: "delete", label: "delete it" },
            ]}
          />
        </Alert>
      )}
      <Details contact={c} />
      <Suspense fallback={<SkeletonList label="Loading notes…" rows={2} />}>
        <NotesPanel contactId={c.id} />
      </Suspense>
    </Page>
  );
}
