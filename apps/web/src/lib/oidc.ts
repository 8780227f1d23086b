/**
 * "Sign in with your identity provider": the authorization code flow with PKCE, in the browser.
 * The IdP's password never reaches this app or the API; the API receives the IdP's access token.
 */
export interface OidcSignInInfo {
  clientId: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  scopes: string[];
}

/** Register `<web app origin>/auth/callback` as the sign-in redirect URI at the IdP. */
export const callbackPath = "/auth/callback";
const PENDING = "contacts.oidc.pending";

interface Pending {
  verifier: string;
  state: string;
  redirectUri: string;
  clientId: string;
  tokenEndpoint: string;
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
const randomString = (length: number) => base64url(crypto.getRandomValues(new Uint8Array(length)));

/** Sends the browser to the IdP's authorize endpoint; the verifier waits in this tab's sessionStorage. */
export async function startIdpSignIn(info: OidcSignInInfo): Promise<void> {
  if (!info.authorizationEndpoint || !info.tokenEndpoint) {
    throw new Error("The identity provider cannot be reached right now; try again shortly.");
  }
  const pending: Pending = {
    verifier: randomString(32),
    state: randomString(16),
    redirectUri: `${window.location.origin}${callbackPath}`,
    clientId: info.clientId,
    tokenEndpoint: info.tokenEndpoint,
  };
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(pending.verifier));
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(info.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: info.clientId,
    redirect_uri: pending.redirectUri,
    scope: info.scopes.join(" "),
    state: pending.state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: "S256",
  }).toString();
  window.location.assign(url.href);
}

/** On the callback URL: checks the state, redeems the code with the verifier, returns the access token. */
export async function finishIdpSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const error = params.get("error");
  if (error) throw new Error(params.get("error_description") ?? `The identity provider answered ${error}.`);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  if (!pending || params.get("state") !== pending.state) {
    throw new Error("This sign-in response does not match a sign-in started in this tab; start again.");
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: params.get("code") ?? "",
      redirect_uri: pending.redirectUri,
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error_description?: string };
  if (!response.ok || typeof body.access_token !== "string") {
    throw new Error(body.error_description ?? "The identity provider refused the sign-in; start again.");
  }
  return body.access_token;
}
