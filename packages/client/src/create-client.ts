import type { AppRouter } from "@repo/api";
import { createTRPCClient, httpBatchLink, type TRPCClient, type TRPCLink } from "@trpc/client";

export interface ClientOptions {
  /** Base URL of the tRPC endpoint, e.g. `http://127.0.0.1:3000/trpc` or `/trpc` in the browser. */
  url: string;
  /** Returns the current session token, or nothing when signed out. Read on every request. */
  getToken: () => string | null | undefined;
  /** Override for tests and non-browser runtimes; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

export type Client = TRPCClient<AppRouter>;

/**
 * Calls per HTTP batch: httpBatchLink splits a burst of calls into batches of at most this many.
 * The API refuses a batch of more than `maxBatchSize` (20) calls (`@repo/api`): stay at or below
 * it (create-client.test.ts compares the two).
 */
export const maxBatchItems = 10;

/** Headers every request carries: a bearer token when the caller is signed in, nothing otherwise. */
export function authHeaders(token: string | null | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The link chain shared by the plain client and the React integration. */
export function createLinks(options: ClientOptions): TRPCLink<AppRouter>[] {
  return [
    httpBatchLink<AppRouter>({
      url: options.url,
      maxItems: maxBatchItems,
      headers: () => authHeaders(options.getToken()),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  ];
}

/** A typed tRPC client for the API; works in Node (global fetch) and in the browser. */
export function createClient(options: ClientOptions): Client {
  return createTRPCClient<AppRouter>({ links: createLinks(options) });
}
