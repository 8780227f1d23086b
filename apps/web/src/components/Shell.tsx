import { lazy, Suspense, useEffect, useRef } from "react";
import { focusPageHeading } from "../lib/focus.ts";
import { callbackPath } from "../lib/oidc.ts";
import { pageKey } from "../lib/route.ts";
import { useSession } from "../lib/session.ts";
import { rememberContactsList, useRoute } from "../lib/use-route.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { RoutedPage } from "./RoutedPage.tsx";
import { AppHeader } from "./shell/AppHeader.tsx";
import { BannedNotice } from "./shell/BannedNotice.tsx";
import { SkipLink } from "./shell/SkipLink.tsx";

// Signed-in visits (the common case) do not load the sign-in form's code, nor the IdP callback's.
const SignInPage = lazy(() => import("../pages/SignInPage.tsx").then((m) => ({ default: m.SignInPage })));
const IdpCallbackPage = lazy(() =>
  import("../pages/IdpCallbackPage.tsx").then((m) => ({ default: m.IdpCallbackPage })),
);

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
  if (window.location.pathname === callbackPath || !session) {
    return (
      <Suspense fallback={null}>
        {window.location.pathname === callbackPath ? <IdpCallbackPage /> : <SignInPage />}
      </Suspense>
    );
  }
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
