import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { ButtonLink } from "../ui/button.tsx";

/** "New contact", shown only when the policy lets this user create a contact in this organization. */
export function NewContactLink({ organizationId }: { organizationId: number }) {
  const trpc = useTRPC();
  const permissions = useQuery(trpc.contacts.permissions.queryOptions({ organizationId }));
  if (!permissions.data) return null;
  if (!permissions.data.canCreate) {
    const [reason, ...more] = permissions.data.reasons;
    return (
      <span className="max-w-md text-sm text-slate-700" data-testid="create-denied">
        You may not add contacts here{reason ? `: ${[reason, ...more].join(" ")}` : "."}
      </span>
    );
  }
  return (
    <ButtonLink variant="primary" href="#/contacts/new">
      <span aria-hidden="true">+</span> New contact
    </ButtonLink>
  );
}
