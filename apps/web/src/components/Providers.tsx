import { createClient, errorCode, isUnauthorized } from "@repo/client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { describeSessionEnd } from "../lib/errors.ts";
import { clearSession, getToken } from "../lib/session.ts";
import { TRPCProvider } from "../lib/trpc.ts";
import { Toaster } from "./ui/toaster.tsx";

// An expired or revoked token anywhere ends the session: back to the sign-in page, which says why
// from the API's `authFailure` ("Your session expired", "You were signed out everywhere", …).
// Only while signed in: a refused sign-in is also UNAUTHORIZED, and is no session ending.
function signOutWhenUnauthorized(error: unknown): void {
  if (!isUnauthorized(error) || getToken() === null) return;
  clearSession(describeSessionEnd(error));
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signOutWhenUnauthorized }),
    mutationCache: new MutationCache({ onError: signOutWhenUnauthorized }),
    defaultOptions: {
      queries: {
        // An answer from the API (denied, invalid, not found) will not change on retry.
        retry: (failures, error) => errorCode(error) === undefined && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() => createClient({ url: "/trpc", getToken }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        <Toaster />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
