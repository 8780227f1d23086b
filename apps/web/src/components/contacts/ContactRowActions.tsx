import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { Badge } from "../ui/badge.tsx";
import { Button, ButtonLink } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import type { ContactRow } from "./ContactsList.tsx";

/** Edit and Delete, each shown only when the row's allowedActions (from Cerbos) allow it. */
export function ContactRowActions({ contact }: { contact: ContactRow }) {
  const { update, delete: canDelete } = contact.allowedActions;
  const name = `${contact.firstName} ${contact.lastName}`;
  return (
    <>
      {update && (
        <ButtonLink size="sm" href={`#/contacts/${contact.id}/edit`} aria-label={`Edit ${name}`}>
          Edit
        </ButtonLink>
      )}
      {canDelete && <DeleteContactButton id={contact.id} name={name} size="sm" />}
      {!update && !canDelete && <Badge>View only</Badge>}
    </>
  );
}

interface DeleteProps {
  id: number;
  name: string;
  size?: "sm" | "md";
  /** After the contact is gone (the detail page leaves; the list just refreshes). */
  onDeleted?: () => void;
}

/** Delete behind a confirmation dialog; a toast says it is done, the dialog shows a refusal. */
export function DeleteContactButton({ id, name, size = "md", onDeleted }: DeleteProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.contacts.delete.mutationOptions());
  return (
    <ConfirmDialog
      trigger={
        <Button variant="danger" size={size} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      }
      title={`Delete ${name}?`}
      description={<p>The contact is removed for everyone in the organization. This cannot be undone.</p>}
      confirmLabel="Delete contact"
      onConfirm={async () => {
        await remove.mutateAsync({ id });
        toast({ title: `Deleted ${name}` });
        onDeleted?.();
        await queryClient.invalidateQueries(trpc.contacts.pathFilter());
      }}
    />
  );
}
