import type { RouterOutputs } from "@repo/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "../../components/ui/button.tsx";
import { ConfirmDialog } from "../../components/ui/confirm-dialog.tsx";
import type { ItemOf } from "../../lib/list-items.ts";
import { toast } from "../../lib/toast-store.ts";
import { useTRPC } from "../../lib/trpc.ts";

export type AdminUser = ItemOf<RouterOutputs["users"]["list"]>;

/** Ban or unban one user, after a confirmation that says what follows. */
export function BanButton({ user }: { user: AdminUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ban = useMutation(trpc.users.ban.mutationOptions());
  const unban = useMutation(trpc.users.unban.mutationOptions());
  const banning = !user.isBanned;
  return (
    <ConfirmDialog
      trigger={
        <Button
          size="sm"
          variant={banning ? "danger" : "secondary"}
          aria-label={`${banning ? "Ban" : "Unban"} ${user.name}`}
        >
          {banning ? "Ban" : "Unban"}
        </Button>
      }
      title={banning ? `Ban ${user.name}?` : `Unban ${user.name}?`}
      description={
        banning ? (
          <p>
            {user.name} is signed out everywhere at once. They can sign in again and read, but the access policy no
            longer lets them make changes.
          </p>
        ) : (
          <p>{user.name} may make changes again, as far as the access policy allows; they have to sign in again.</p>
        )
      }
      tone={banning ? "danger" : "primary"}
      confirmLabel={banning ? "Ban user" : "Unban user"}
      onConfirm={async () => {
        await (banning ? ban : unban).mutateAsync({ userId: user.id });
        toast({ title: banning ? `Banned ${user.name}` : `Unbanned ${user.name}` });
        await queryClient.invalidateQueries(trpc.users.pathFilter());
      }}
    />
  );
}
