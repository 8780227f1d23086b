import type { RouterOutputs } from "@repo/client";

export type Note = RouterOutputs["notes"]["list"]["items"][number];
export type NoteVisibility = Note["visibility"];

/** Who reads a note of each visibility (policies/note.yaml), in the words the picker uses. */
export const visibilityWords: Record<NoteVisibility, { label: string; who: string }> = {
  private: { label: "Private", who: "Only you (and admins)" },
  team: { label: "Team", who: "You and the contact's owner" },
  organization: { label: "Organization", who: "Everyone in the organization" },
};

export const visibilities = Object.keys(visibilityWords) as NoteVisibility[];
