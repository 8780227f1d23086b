import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "../../lib/session.ts";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorState } from "../ErrorState.tsx";
import { Card } from "../ui/card.tsx";
import { SkeletonList } from "../ui/skeleton.tsx";
import { NoteForm } from "./NoteForm.tsx";
import { NoteItem } from "./NoteItem.tsx";

/**
 * The contact's notes that the user may read (notes.list: the API filters them by policy), newest
 * first, and a form to add one. Anyone who may read the contact may write a note on it, except a
 * banned user (policies/note.yaml), so the form is left out for them.
 */
export function NotesPanel({ contactId }: { contactId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const [added, setAdded] = useState(0);
  const notes = useQuery(trpc.notes.list.queryOptions({ contactId, limit: 50 }));
  const create = useMutation(
    trpc.notes.create.mutationOptions({
      onSuccess: async () => {
        setAdded((n) => n + 1);
        toast({ title: "Note added" });
        await queryClient.invalidateQueries(trpc.notes.pathFilter());
      },
    }),
  );
  const canWrite = session?.user.isBanned !== true;

  return (
    <Card aria-labelledby="notes-heading" className="flex flex-col gap-4">
      <h2 id="notes-heading" className="text-lg font-semibold">
        Notes {notes.data && <span className="font-normal text-slate-600">({notes.data.total})</span>}
      </h2>
      {canWrite && (
        <NoteForm
          id="new-note"
          initial={{ body: "", visibility: "private" }}
          submitLabel="Add note"
          pending={create.isPending}
          error={create.error}
          resetKey={added}
          onSubmit={(values) => create.mutate({ contactId, ...values })}
        />
      )}
      {notes.error && <ErrorState error={notes.error} onRetry={() => notes.refetch()} />}
      {notes.isPending && <SkeletonList label="Loading notes…" rows={2} />}
      {notes.data &&
        (notes.data.items.length === 0 ? (
          <p className="text-slate-600" data-testid="no-notes">
            No notes you can read yet.
          </p>
        ) : (
          <ul aria-label="Notes" className="flex flex-col">
            {notes.data.items.map((note) => (
              <NoteItem key={note.id} note={note} />
            ))}
          </ul>
        ))}
    </Card>
  );
}
