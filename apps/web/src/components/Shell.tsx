import { useEffect, useRef } from "react";
import { focusPageHeading } from "../lib/focus.ts";
import { callbackPath } from "../lib/oidc.ts";
import { pageKey } from "../lib/route.ts";
import { useSession } from "../lib/session.ts";
import { rememberContactsList, useRoute } from "../lib/use-route.ts";
import { IdpCallbackPage } from "../pages/IdpCallbackPage.tsx";
import { SignInPage } from "../pages/SignInPage.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { RoutedPage } from "./RoutedPage.tsx";
import { AppHeader } from "./shell/AppHeader.tsx";
import { BannedNotice } from "./shell/BannedNotice.tsx";
import { SkipLink } from "./shell/SkipLink.tsx";

/** On navigation to another page (not on a filter change): scroll up, focus the new page's heading. */
function useFocusOnNavigation(key: string): void {
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    window.scrollTo(0, 0);
    requestAnimationFrame(focusPageHeading);
  }, [key]);
}

/** Signed out: the sign-in page whatever the URL. Signed in: skip link, header and the routed page. */
export function Shell() {
  const session = useSession();
  const route = useRoute();
  rememberContactsList(route);
  useFocusOnNavigation(session ? pageKey(route) : "signIn");
  // The identity provider's redirect (a path, not a hash route: IdPs compare redirect URIs exactly).
  if (window.location.pathname === callbackPath) return <IdpCallbackPage />;
  if (!session) return <SignInPage />;
  return (
    <>
      <SkipLink />
      <AppHeader user={session.user} />
      {session.user.isBanned && <BannedNotice />}
      <main id="main" tabIndex={-1} className="outline-none">
        <ErrorBoundary key={pageKey(route)}>
          <RoutedPage route={route} user={session.user} />
        </ErrorBoundary>
      </main>
    </>
  );
}
