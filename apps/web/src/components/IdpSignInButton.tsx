import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { startIdpSignIn } from "../lib/oidc.ts";
import { useTRPC } from "../lib/trpc.ts";

/** Shown only when the API reports an identity provider (OIDC_ISSUER is set). */
export function IdpSignInButton() {
  const trpc = useTRPC();
  const info = useQuery(trpc.auth.oidcInfo.queryOptions());
  const [error, setError] = useState<string | null>(null);
  if (!info.data?.enabled) return null;
  const data = info.data;
  return (
    <section className="card" aria-label="Identity provider">
      <button
        type="button"
        onClick={() => startIdpSignIn(data).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
      >
        Sign in with your identity provider
      </button>
      {error && (
        <p role="alert" className="alert">
          {error}
        </p>
      )}
    </section>
  );
}
