import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { AuthorizationCodes, type TestIdpUser } from "./authorization-flow.ts";
import { type JwtClaims, type JwtHeader, signJwt, signUnsecured, signWithPublicKeyAsHmacSecret } from "./jwt.ts";
import { generateSigningKey, type SigningAlgorithm, type SigningKey } from "./keys.ts";
import { handleRequest } from "./routes.ts";

/**
 * up: serves normally. unavailable: every request gets 503. hang: requests are accepted and never
 * answered (a verifier must time out). closed: the port refuses connections.
 */
export type TestIdpMode = "up" | "unavailable" | "hang" | "closed";

export interface TestIdpOptions {
  clientId?: string;
  audience?: string;
  /** The user /authorize approves without a login page, and the default subject of minted tokens. */
  user?: TestIdpUser;
  /** Token lifetime; default 300 s. */
  tokenTtlSeconds?: number;
  /** Which redirect URIs /authorize accepts; default: any http URL on 127.0.0.1 or localhost. */
  isAllowedRedirect?: (uri: string) => boolean;
}

export interface MintOptions {
  /** Sign with this key (published or not); default: the current key of `alg`. */
  kid?: string;
  /** Default RS256. */
  alg?: SigningAlgorithm;
  /** Header fields to override, e.g. a kid the JWKS does not have. */
  header?: Partial<JwtHeader>;
}

export interface TestIdp {
  issuer: string;
  discoveryUrl: string;
  jwksUrl: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  audience: string;
  /** The claims a valid access token carries, with `overrides` applied (an undefined value drops a claim). */
  claims(overrides?: JwtClaims): JwtClaims;
  mint(overrides?: JwtClaims, options?: MintOptions): string;
  mintUnsecured(overrides?: JwtClaims): string;
  mintWithPublicKeyAsHmacSecret(overrides?: JwtClaims): string;
  currentKey(alg?: SigningAlgorithm): SigningKey;
  /** A new key becomes the current one of its algorithm; published at once unless `publish: false`. */
  rotate(alg?: SigningAlgorithm, options?: { publish?: boolean; retirePrevious?: boolean }): SigningKey;
  publish(kid: string): void;
  unpublish(kid: string): void;
  setUser(user: TestIdpUser): void;
  setMode(mode: TestIdpMode): Promise<void>;
  /** How many requests reached a path ending with `suffix` (e.g. "/v1/keys"). */
  requestCount(suffix: string): number;
  stop(): Promise<void>;
}

const defaultUser: TestIdpUser = { sub: "00u-test-user", email: "john@example.com", name: "John" };
const loopbackRedirect = (uri: string) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(uri);

/** An OpenID provider inside the test process: discovery, JWKS, authorize + token (PKCE), on loopback. */
export async function startTestIdp(options: TestIdpOptions = {}): Promise<TestIdp> {
  const clientId = options.clientId ?? "test-client";
  const audience = options.audience ?? "api://default";
  const ttl = options.tokenTtlSeconds ?? 300;
  let user = options.user ?? defaultUser;
  let mode: TestIdpMode = "up";
  const keys = new Map<string, SigningKey>();
  const published = new Set<string>();
  const current = new Map<SigningAlgorithm, string>();
  const requests: string[] = [];
  const basePath = "/oauth2/default";
  let issuer = "";

  const addKey = (alg: SigningAlgorithm, publish: boolean) => {
    const key = generateSigningKey(alg);
    keys.set(key.kid, key);
    if (publish) published.add(key.kid);
    current.set(alg, key.kid);
    return key;
  };
  addKey("RS256", true);
  addKey("ES256", true);

  const currentKey = (alg: SigningAlgorithm = "RS256") => keys.get(current.get(alg) ?? "")!;
  const claims = (overrides: JwtClaims = {}): JwtClaims => {
    const now = Math.floor(Date.now() / 1000);
    const base: JwtClaims = {
      iss: issuer,
      aud: audience,
      sub: user.sub,
      email: user.email,
      email_verified: user.emailVerified ?? true,
      name: user.name,
      cid: clientId,
      iat: now,
      exp: now + ttl,
    };
    return JSON.parse(JSON.stringify({ ...base, ...overrides }));
  };
  const mint = (overrides: JwtClaims = {}, mintOptions: MintOptions = {}) => {
    const key = mintOptions.kid ? keys.get(mintOptions.kid) : currentKey(mintOptions.alg);
    if (!key) throw new Error(`test IdP: no key ${mintOptions.kid}`);
    return signJwt(key, claims(overrides), mintOptions.header);
  };
  const codes = new AuthorizationCodes(clientId, options.isAllowedRedirect ?? loopbackRedirect);

  const server = createServer((req, res) => {
    // One connection per request: a switch of mode then applies to the very next request.
    res.setHeader("connection", "close");
    if (mode === "hang") return;
    if (mode === "unavailable") {
      res.writeHead(503, { "content-type": "text/plain" }).end("down for maintenance");
      return;
    }
    handleRequest(req, res, {
      issuer,
      basePath,
      codes,
      jwks: () => ({ keys: [...published].map((kid) => keys.get(kid)!.publicJwk) }),
      currentUser: () => user,
      recordRequest: (path) => requests.push(path),
      issueTokens: (approved, nonce, scope) => ({
        token_type: "Bearer",
        expires_in: ttl,
        scope,
        access_token: mint({
          sub: approved.sub,
          email: approved.email,
          email_verified: approved.emailVerified ?? true,
        }),
        id_token: mint({ aud: clientId, sub: approved.sub, email: approved.email, name: approved.name, nonce }),
      }),
    }).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const port = await listen(0);
  issuer = `http://127.0.0.1:${port}${basePath}`;

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    jwksUrl: `${issuer}/v1/keys`,
    authorizationEndpoint: `${issuer}/v1/authorize`,
    tokenEndpoint: `${issuer}/v1/token`,
    clientId,
    audience,
    claims,
    mint,
    mintUnsecured: (overrides) => signUnsecured(claims(overrides)),
    mintWithPublicKeyAsHmacSecret: (overrides) => signWithPublicKeyAsHmacSecret(currentKey("RS256"), claims(overrides)),
    currentKey,
    rotate(alg = "RS256", { publish = true, retirePrevious = false } = {}) {
      const previous = current.get(alg);
      const key = addKey(alg, publish);
      if (retirePrevious && previous) published.delete(previous);
      return key;
    },
    publish: (kid) => void published.add(kid),
    unpublish: (kid) => void published.delete(kid),
    setUser(next) {
      user = next;
    },
    async setMode(next) {
      if (next === mode) return;
      if (next === "closed") await close();
      if (mode === "closed") await listen(port);
      mode = next;
    },
    requestCount: (suffix) => requests.filter((path) => path.endsWith(suffix)).length,
    async stop() {
      if (mode !== "closed") await close();
      mode = "closed";
    },
  };
}
