import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { Badge } from "../ui/badge.tsx";
import { Button } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { NoteForm } from "./NoteForm.tsx";
import { type Note, visibilityWords } from "./visibility.ts";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One note; Edit and Delete only where its allowedActions say so (the author, or an admin). */
export function NoteItem({ note }: { note: Note }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.notes.pathFilter());
  const update = useMutation(
    trpc.notes.update.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        toast({ title: "Note saved" });
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.notes.delete.mutationOptions());
  const edited = note.updatedAt !== note.createdAt;

  return (
    <li className="flex flex-col gap-2 border-t border-slate-200 py-3 first:border-t-0" data-note-id={note.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-medium">{note.author.name}</span>
        <span className="text-slate-600">
          {when.format(new Date(note.createdAt))}
          {edited && " (edited)"}
        </span>
        <Badge tone={note.visibility === "private" ? "neutral" : note.visibility === "team" ? "amber" : "blue"}>
          {visibilityWords[note.visibility].label}
        </Badge>
      </div>
      {editing ? (
        <NoteForm
          id={`note-${note.id}`}
          initial={{ body: note.body, visibility: note.visibility }}
          submitLabel="Save note"
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutate({ id: note.id, ...values })}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="break-words whitespace-pre-wrap">{note.body}</p>
      )}
      {!editing && (note.allowedActions.update || note.allowedActions.delete) && (
        <div className="flex gap-2">
          {note.allowedActions.update && (
            <Button size="sm" onClick={() => setEditing(true)} aria-label={`Edit note by ${note.author.name}`}>
              Edit
            </Button>
          )}
          {note.allowedActions.delete && (
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="danger" aria-label={`Delete note by ${note.author.name}`}>
                  Delete
                </Button>
              }
              title="Delete this note?"
              description={<p>It is removed for everyone who could read it. This cannot be undone.</p>}
              confirmLabel="Delete note"
              onConfirm={async () => {
                await remove.mutateAsync({ id: note.id });
                toast({ title: "Note deleted" });
                await refresh();
              }}
            />
          )}
        </div>
      )}
    </li>
  );
}
