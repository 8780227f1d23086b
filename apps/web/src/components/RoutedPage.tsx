import { initialListState } from "../lib/contact-list-state.ts";
import type { Route } from "../lib/route.ts";
import type { SessionUser } from "../lib/session.ts";
import { AdminOrganizationPage } from "../pages/admin/AdminOrganizationPage.tsx";
import { AdminOrganizationsPage } from "../pages/admin/AdminOrganizationsPage.tsx";
import { AdminUsersPage } from "../pages/admin/AdminUsersPage.tsx";
import { ContactDetailPage } from "../pages/ContactDetailPage.tsx";
import { ContactsPage } from "../pages/ContactsPage.tsx";
import { EditContactPage } from "../pages/EditContactPage.tsx";
import { NewContactPage } from "../pages/NewContactPage.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { OrganizationPage } from "../pages/OrganizationPage.tsx";

export function RoutedPage({ route, user }: { route: Route; user: SessionUser }) {
  switch (route.name) {
    case "signIn":
      return <ContactsPage list={initialListState} />;
    case "contacts":
      return <ContactsPage list={route.list} />;
    case "newContact":
      return <NewContactPage />;
    case "contact":
      return <ContactDetailPage id={route.id} />;
    case "editContact":
      return <EditContactPage id={route.id} />;
    case "organization":
      return <OrganizationPage />;
    case "adminUsers":
      return <AdminUsersPage currentUserId={String(user.id)} />;
    case "adminOrganizations":
      return <AdminOrganizationsPage />;
    case "adminOrganization":
      return <AdminOrganizationPage id={route.id} />;
    case "notFound":
      return <NotFoundPage path={route.path} />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
