import type { RouterOutputs } from "@repo/client";

/**
 * Where the contact's notes panel goes (list, add, edit, delete), once the API has the `notes.*`
 * procedures of the `note` resource kind. Phase 2: replace this with the panel; the detail page
 * already renders it below the details, with the contact (id, organization, allowedActions).
 */
export function NotesSlot(_props: { contact: RouterOutputs["contacts"]["get"] }) {
  return null;
}
