import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/button.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import type { Member } from "./types.ts";

/** Remove a member after confirmation; the API's refusal (the last owner) stays in the dialog. */
export function RemoveMemberButton({
  organization,
  member,
}: {
  organization: { id: number; name: string };
  member: Member;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.organizations.removeMember.mutationOptions());
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="danger" aria-label={`Remove ${member.name}`}>
          Remove
        </Button>
      }
      title={`Remove ${member.name} from ${organization.name}?`}
      description={<p>They lose access to this organization's contacts at once. You can add them again later.</p>}
      confirmLabel="Remove member"
      onConfirm={async () => {
        await remove.mutateAsync({ organizationId: organization.id, userId: member.userId });
        toast({ title: `Removed ${member.name}`, description: `From ${organization.name}.` });
        await queryClient.invalidateQueries(trpc.organizations.pathFilter());
      }}
    />
  );
}
