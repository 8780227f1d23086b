import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { startIdpSignIn } from "../lib/oidc.ts";
import { useTRPC } from "../lib/trpc.ts";
import { Alert } from "./ui/alert.tsx";
import { Button } from "./ui/button.tsx";

/** Shown only when the API reports an identity provider (OIDC_ISSUER is set). */
export function IdpSignInButton() {
  const trpc = useTRPC();
  const info = useQuery(trpc.auth.oidcInfo.queryOptions());
  const [error, setError] = useState<string | null>(null);
  if (!info.data?.enabled) return null;
  const data = info.data;
  return (
    <section aria-label="Identity provider" className="flex flex-col gap-2">
      <p className="text-center text-sm text-slate-600">or</p>
      <Button
        onClick={() => startIdpSignIn(data).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}
      >
        Sign in with your identity provider
      </Button>
      {error && (
        <Alert tone="error" title="Sign-in through the identity provider failed">
          <p>{error}</p>
        </Alert>
      )}
    </section>
  );
}
