import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** "New contact", shown only when the policy lets this user create a contact in this organization. */
export function NewContactLink({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const permissions = useQuery(trpc.contacts.permissions.queryOptions({ organizationId }));
  if (!permissions.data) return null;
  if (!permissions.data.canCreate)
    return (
      <span className="muted" data-testid="create-denied">
        You may not add contacts here
      </span>
    );
  return (
    <a className="button primary" href="#/contacts/new">
      New contact
    </a>
  );
}
