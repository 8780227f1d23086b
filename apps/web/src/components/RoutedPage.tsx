import { lazy, Suspense } from "react";
import { initialListState } from "../lib/contact-list-state.ts";
import type { Route } from "../lib/route.ts";
import type { SessionUser } from "../lib/session.ts";
import { ContactDetailPage } from "../pages/ContactDetailPage.tsx";
import { ContactsPage } from "../pages/ContactsPage.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { SkeletonDetail } from "./ui/skeleton.tsx";

// The list and the detail page are in the first bundle; the forms (and with them zod), the
// organization page and the admin console load when first opened.
const NewContactPage = lazy(() => import("../pages/NewContactPage.tsx").then((m) => ({ default: m.NewContactPage })));
const EditContactPage = lazy(() =>
  import("../pages/EditContactPage.tsx").then((m) => ({ default: m.EditContactPage })),
);
const OrganizationPage = lazy(() =>
  import("../pages/OrganizationPage.tsx").then((m) => ({ default: m.OrganizationPage })),
);
const AdminUsersPage = lazy(() =>
  import("../pages/admin/AdminUsersPage.tsx").then((m) => ({ default: m.AdminUsersPage })),
);
const AdminOrganizationsPage = lazy(() =>
  import("../pages/admin/AdminOrganizationsPage.tsx").then((m) => ({ default: m.AdminOrganizationsPage })),
);
const AdminDecisionsPage = lazy(() =>
  import("../pages/admin/AdminDecisionsPage.tsx").then((m) => ({ default: m.AdminDecisionsPage })),
);
const AdminOrganizationPage = lazy(() =>
  import("../pages/admin/AdminOrganizationPage.tsx").then((m) => ({ default: m.AdminOrganizationPage })),
);

export function RoutedPage(props: { route: Route; user: SessionUser }) {
  return (
    <Suspense
      fallback={
        <div className="mx-auto w-full max-w-2xl px-4 py-5 sm:px-6">
          <SkeletonDetail label="Loading the page…" />
        </div>
      }
    >
      <Page {...props} />
    </Suspense>
  );
}

function Page({ route, user }: { route: Route; user: SessionUser }) {
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
    case "adminDecisions":
      return <AdminDecisionsPage key={route.callId} callId={route.callId} />;
    case "notFound":
      return <NotFoundPage path={route.path} />;
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}
