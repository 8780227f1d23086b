/**
 * The extra cost of accepting an IdP token: verifies the same number of built-in (HS256) tokens
 * and OIDC tokens (RS256, ES256; keys cached) and prints per-token latency. The OIDC figures
 * include the in-memory email lookup; the API adds one indexed SELECT by email on top.
 *
 *   npx tsx apps/api/src/auth/oidc/measure-latency.ts [iterations]
 */
import { startTestIdp } from "@repo/testing";
import { createTokenService } from "../token.ts";
import { defaultOidcTiming } from "./config.ts";
import { createOidcAuthenticator } from "./index.ts";

const iterations = Number(process.argv[2] ?? 3000);
const quiet = { info: () => undefined, warn: () => undefined };

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  const us = (ms: number) => `${(ms * 1000).toFixed(0).padStart(6)} µs`;
  return `mean ${us(mean)}  p50 ${us(at(0.5))}  p95 ${us(at(0.95))}  p99 ${us(at(0.99))}`;
}

async function measure(label: string, run: () => Promise<unknown>, count = iterations) {
  for (let i = 0; i < Math.min(200, count); i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  console.log(`${label.padEnd(44)} ${summary(samples)}`);
  return samples;
}

const idp = await startTestIdp();
const users = { findUserByEmail: async () => ({ id: "john" }), createUser: async () => ({ id: "new" }) };
const config = {
  issuer: idp.issuer,
  audience: idp.audience,
  clientId: idp.clientId,
  jwksUrl: undefined,
  emailClaim: "email",
  autoProvision: false,
  timing: defaultOidcTiming,
};
const oidc = createOidcAuthenticator(config, { ...users, logger: quiet });
const builtIn = createTokenService("measure-latency-secret-measure-latency");
const { token: builtInToken } = await builtIn.issue({ userId: "john", tokenVersion: 0 });
const rs256 = idp.mint({}, { alg: "RS256" });
const es256 = idp.mint({}, { alg: "ES256" });

console.log(`node ${process.version}, ${iterations} sequential verifications each\n`);
await measure("built-in token (HS256)", () => builtIn.verify(builtInToken));
await measure("OIDC token RS256 (JWKS cached)", () => oidc.authenticate(rs256));
await measure("OIDC token ES256 (JWKS cached)", () => oidc.authenticate(es256));
// Cold start: discovery + JWKS fetch from a loopback IdP on the first token of a fresh authenticator.
await measure(
  "OIDC first token (discovery + JWKS, loopback)",
  () => createOidcAuthenticator(config, { ...users, logger: quiet }).authenticate(rs256),
  50,
);
await idp.stop();
