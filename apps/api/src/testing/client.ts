import { createTRPCClient, httpBatchLink, type TRPCClient, TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../router.ts";

export type ApiClient = TRPCClient<AppRouter>;

/**
 * A typed client for the API at `url` (its base, without `/trpc`). `token` is a bearer token, a
 * whole Authorization value (when it contains a space), or a function read on every request.
 */
export function testClient(url: string, token?: string | (() => string | undefined)): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url}/trpc`,
        headers: () => {
          const value = typeof token === "function" ? token() : token;
          return value ? { authorization: value.includes(" ") ? value : `Bearer ${value}` } : {};
        },
      }),
    ],
  });
}

export interface CaughtError {
  code: string | undefined;
  httpStatus: number | undefined;
  message: string;
  cerbosCallId: string | undefined;
  /** FORBIDDEN: the policies' words for the denial. */
  reasons: string[] | undefined;
  /** UNAUTHORIZED: why there is no session (`expired`, `revoked`, …). */
  authFailure: string | undefined;
  zodIssues: unknown[] | undefined;
}

/** The tRPC error a call fails with; throws if the call succeeds or fails with something else. */
export async function errorOf(call: Promise<unknown>): Promise<CaughtError> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data = (error as TRPCClientError<AppRouter>).data;
    return {
      code: data?.code,
      httpStatus: data?.httpStatus,
      message: error.message,
      cerbosCallId: data?.cerbosCallId,
      reasons: data?.reasons,
      authFailure: data?.authFailure,
      zodIssues: data?.zodIssues,
    };
  }
  throw new Error("expected the call to fail, but it succeeded");
}
