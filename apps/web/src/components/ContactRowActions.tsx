import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "../lib/trpc.ts";
import type { ContactRow } from "./ContactsTable.tsx";
import { ErrorMessage } from "./ErrorMessage.tsx";

/** Edit and Delete, each shown only when the row's allowedActions (from Cerbos) allow it. */
export function ContactRowActions({ contact }: { contact: ContactRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The Delete button the user just pressed is gone: move focus to its replacement, not to <body>.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const remove = useMutation(
    trpc.contacts.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.contacts.pathFilter()),
    }),
  );
  const name = `${contact.firstName} ${contact.lastName}`;
  const { update, delete: canDelete } = contact.allowedActions;

  return (
    <div className="row-actions">
      {update && (
        <a className="button" href={`#/contacts/${contact.id}/edit`} aria-label={`Edit ${name}`}>
          Edit
        </a>
      )}
      {canDelete && !confirming && (
        <button type="button" className="danger" aria-label={`Delete ${name}`} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      {canDelete && confirming && (
        <>
          <button
            type="button"
            className="danger"
            ref={confirmRef}
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: contact.id })}
          >
            Confirm delete of {name}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      )}
      {!update && !canDelete && <span className="muted">Read only</span>}
      {remove.error && <ErrorMessage error={remove.error} />}
    </div>
  );
}
