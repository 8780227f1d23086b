import { z } from "zod";
import { fetchJson } from "./fetch-json.ts";

const metadataSchema = z.object({
  issuer: z.string(),
  jwks_uri: z.url(),
  authorization_endpoint: z.url().optional(),
  token_endpoint: z.url().optional(),
});

export type ProviderMetadata = z.infer<typeof metadataSchema>;

export interface Discovery {
  /** The provider's metadata, fetched once; a failure is retried on a later call after `retryAfterMs`. */
  get(): Promise<ProviderMetadata>;
  /** What is known without waiting (undefined before the first successful discovery). */
  current(): ProviderMetadata | undefined;
}

/**
 * Lazy OpenID Connect discovery: nothing is fetched at start-up, so an IdP that is down does not
 * stop the API; concurrent first requests share one fetch.
 */
export function createDiscovery(issuer: string, timing: { fetchTimeoutMs: number; retryAfterFailureMs: number }) {
  const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  let metadata: ProviderMetadata | undefined;
  let inFlight: Promise<ProviderMetadata> | undefined;
  let lastFailure: { at: number; error: Error } | undefined;

  const load = async (): Promise<ProviderMetadata> => {
    const parsed = metadataSchema.safeParse(await fetchJson(url, timing.fetchTimeoutMs));
    if (!parsed.success) throw new Error(`${url}: not OpenID provider metadata (${parsed.error.issues[0]?.message})`);
    // OpenID Connect Discovery §4.3: the document must name exactly the issuer it was fetched for.
    if (parsed.data.issuer !== issuer) {
      throw new Error(`${url} names issuer ${parsed.data.issuer}, expected ${issuer} (check OIDC_ISSUER)`);
    }
    return parsed.data;
  };

  const discovery: Discovery = {
    current: () => metadata,
    get() {
      if (metadata) return Promise.resolve(metadata);
      if (inFlight) return inFlight;
      if (lastFailure && Date.now() - lastFailure.at < timing.retryAfterFailureMs) {
        return Promise.reject(lastFailure.error);
      }
      inFlight = load()
        .then((loaded) => {
          metadata = loaded;
          lastFailure = undefined;
          return loaded;
        })
        .catch((error: unknown) => {
          lastFailure = { at: Date.now(), error: error instanceof Error ? error : new Error(String(error)) };
          throw lastFailure.error;
        })
        .finally(() => {
          inFlight = undefined;
        });
      return inFlight;
    },
  };
  return discovery;
}
