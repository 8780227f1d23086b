import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clearSession } from "../../lib/session.ts";
import { useTRPC } from "../../lib/trpc.ts";

/** Signing out always ends the local session, even if the API cannot be reached. */
export function useSignOut(): { signOut: () => void; pending: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(trpc.auth.logout.mutationOptions());
  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        clearSession();
        queryClient.clear();
      },
    });
  return { signOut, pending: logout.isPending };
}
