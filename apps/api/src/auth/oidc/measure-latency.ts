/**
 * The extra cost of accepting an IdP token, printed (never asserted):
 * 1. token verification alone: built-in (HS256) vs OIDC (RS256, ES256; keys cached);
 * 2. a whole request, `auth.me` over HTTP on a seeded SQLite API with a real PDP, the token kinds
 *    taking turns (the OIDC path adds the lookup by email).
 *
 *   npx tsx apps/api/src/auth/oidc/measure-latency.ts [rounds]
 */
import { startTestIdp } from "@repo/testing";
import { startTestStack } from "../../testing/index.ts";
import { createTokenService } from "../token.ts";
import { defaultOidcTiming, type OidcConfig } from "./config.ts";
import { createOidcAuthenticator } from "./index.ts";

const rounds = Number(process.argv[2] ?? 2000);
const quiet = { info: () => undefined, warn: () => undefined };

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  return `p50 ${us(at(0.5))}  p95 ${us(at(0.95))}  p99 ${us(at(0.99))}`;
}

/** Runs the labelled calls round-robin (so drift hits each equally) and prints one line per label. */
async function compare(runs: Record<string, () => Promise<unknown>>, count = rounds) {
  const entries = Object.entries(runs);
  const samples = new Map(entries.map(([label]) => [label, [] as number[]]));
  for (let i = 0; i < Math.min(200, count); i++) for (const [, run] of entries) await run();
  for (let i = 0; i < count; i++) {
    for (const [label, run] of entries) {
      const started = performance.now();
      await run();
      samples.get(label)?.push(performance.now() - started);
    }
  }
  for (const [label] of entries) console.log(`  ${label.padEnd(40)} ${summary(samples.get(label) ?? [])}`);
}

const idp = await startTestIdp();
const config: OidcConfig = {
  issuer: idp.issuer,
  audience: idp.audience,
  clientId: idp.clientId,
  jwksUrl: undefined,
  emailClaim: "email",
  autoProvision: false,
  timing: defaultOidcTiming,
};
const users = { findUserByEmail: async () => ({ id: "john" }), createUser: async () => ({ id: "new" }) };
const oidc = createOidcAuthenticator(config, { ...users, logger: quiet });
const secret = "measure-latency-secret-measure-latency";
const builtIn = createTokenService(secret);
const { token: builtInToken } = await builtIn.issue({ userId: "john", tokenVersion: 0 });
const rs256 = idp.mint({}, { alg: "RS256" });
const es256 = idp.mint({}, { alg: "ES256" });

console.log(`node ${process.version}; ${rounds} rounds\n\n1. verification only`);
await compare({
  "built-in token (HS256)": () => builtIn.verify(builtInToken),
  "OIDC RS256 (JWKS cached)": () => oidc.authenticate(rs256),
  "OIDC ES256 (JWKS cached)": () => oidc.authenticate(es256),
});
await compare(
  {
    "OIDC first token (discovery + JWKS)": () =>
      createOidcAuthenticator(config, { ...users, logger: quiet }).authenticate(rs256),
  },
  50,
);

console.log("\n2. auth.me over HTTP (SQLite, real PDP)");
// The repository's test stack: its own PDP and a seeded SQLite file, both removed by stop().
const api = await startTestStack({ authSecret: secret, oidc: config });
try {
  const me = (token: string) => async () => {
    const response = await fetch(`${api.url}/trpc/auth.me`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`auth.me answered ${response.status}`);
    await response.arrayBuffer();
  };
  await compare({
    "built-in token": me(builtInToken),
    "OIDC token RS256": me(rs256),
    "OIDC token ES256": me(es256),
  });
} finally {
  await api.stop();
  await idp.stop();
}
