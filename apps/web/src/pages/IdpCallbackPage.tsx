import { createClient } from "@repo/client";
import { useEffect, useState } from "react";
import { Alert } from "../components/ui/alert.tsx";
import { usePageTitle } from "../components/ui/page.tsx";
import { finishIdpSignIn } from "../lib/oidc.ts";
import { saveSession } from "../lib/session.ts";

// A code is single-use: React's StrictMode runs effects twice in development, so share one exchange.
let exchange: Promise<{ token: string; user: Awaited<ReturnType<typeof whoIs>> }> | undefined;

async function whoIs(token: string) {
  return (await createClient({ url: "/trpc", getToken: () => token }).auth.me.query()).user;
}

async function signInFromCallback() {
  const token = await finishIdpSignIn(window.location.search);
  return { token, user: await whoIs(token) };
}

/** The IdP redirects here with a code: exchange it, ask the API who that is, then go to the contacts. */
export function IdpCallbackPage() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    exchange ??= signInFromCallback();
    exchange
      .then(({ token, user }) => {
        if (cancelled) return;
        window.history.replaceState(null, "", "/#/contacts");
        saveSession({ token, user });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, []);
  usePageTitle("Signing in");
  return (
    <main id="main" className="mx-auto flex w-full max-w-md flex-col gap-4 px-4 py-10">
      <h1 tabIndex={-1} className="text-2xl font-semibold">
        {error ? "Sign-in failed" : "Signing in…"}
      </h1>
      {error && (
        <Alert tone="error" title="The identity provider's answer could not be used">
          <p>{error}</p>
          <p>
            <a href="/#/sign-in">Back to sign-in</a>
          </p>
        </Alert>
      )}
    </main>
  );
}
