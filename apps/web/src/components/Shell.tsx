import { callbackPath } from "../lib/oidc.ts";
import { useSession } from "../lib/session.ts";
import { useRoute } from "../lib/use-route.ts";
import { ContactsPage } from "../pages/ContactsPage.tsx";
import { EditContactPage } from "../pages/EditContactPage.tsx";
import { IdpCallbackPage } from "../pages/IdpCallbackPage.tsx";
import { NewContactPage } from "../pages/NewContactPage.tsx";
import { OrganizationPage } from "../pages/OrganizationPage.tsx";
import { SignInPage } from "../pages/SignInPage.tsx";
import { Header } from "./Header.tsx";

function Page() {
  const route = useRoute();
  switch (route.name) {
    case "signIn":
    case "contacts":
      return <ContactsPage />;
    case "newContact":
      return <NewContactPage />;
    case "editContact":
      return <EditContactPage id={route.id} />;
    case "organization":
      return <OrganizationPage />;
    case "notFound":
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/contacts">Go to contacts</a>.
          </p>
        </main>
      );
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

/** Signed out: the sign-in page whatever the URL. Signed in: header and the routed page. */
export function Shell() {
  const session = useSession();
  // The identity provider's redirect (a path, not a hash route: IdPs compare redirect URIs exactly).
  if (window.location.pathname === callbackPath) return <IdpCallbackPage />;
  if (!session) return <SignInPage />;
  return (
    <>
      <Header user={session.user} />
      <Page />
    </>
  );
}
