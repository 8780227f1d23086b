import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clearSession, type SessionUser } from "../lib/session.ts";
import { useTRPC } from "../lib/trpc.ts";
import { useRoute } from "../lib/use-route.ts";
import { OrganizationSwitcher } from "./OrganizationSwitcher.tsx";

export function Header({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const route = useRoute();
  const logout = useMutation(trpc.auth.logout.mutationOptions());

  // Signing out always ends the local session, even if the API cannot be reached.
  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        clearSession();
        queryClient.clear();
      },
    });
  };

  const current = (name: string) => (route.name === name ? "page" : undefined);
  return (
    <header className="header">
      <nav aria-label="Main">
        <span className="brand">Contacts</span>
        <a href="#/contacts" aria-current={current("contacts")}>
          Contacts
        </a>
        <a href="#/organization" aria-current={current("organization")}>
          Organization
        </a>
      </nav>
      <div className="header-end">
        <OrganizationSwitcher />
        <span className="muted" data-testid="signed-in-user">
          Signed in as <strong>{user.name}</strong>
        </span>
        <button type="button" onClick={signOut} disabled={logout.isPending}>
          Sign out
        </button>
      </div>
    </header>
  );
}
