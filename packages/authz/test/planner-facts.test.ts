import { fileURLToPath } from "node:url";
import type { PlanResourcesResponse, Principal } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The Cerbos 0.55 facts docs/cerbos-planner.md records, pinned against the real PDP: where the
// plan is wider or narrower than CheckResources, whatever an adapter does. A Cerbos upgrade that
// changes one fails here first.

const dir = fileURLToPath(new URL("./planner-facts", import.meta.url));
const user: Principal = { id: "someone", roles: ["user"], attr: {} };
const banned: Principal = { id: "banned-user", roles: ["user"], attr: { banned: true } };

const started: Pdp[] = [];
let cerbos: HTTP;
let strict: HTTP;
beforeAll(async () => {
  const [loose, strictPdp] = await Promise.all([
    startPdp({ policiesDir: dir, celErrorLogLevel: "none" }),
    startPdp({ policiesDir: dir, celErrorLogLevel: "none", settings: { "engine.strictEvaluation": "true" } }),
  ]);
  started.push(loose, strictPdp);
  cerbos = new HTTP(loose.httpUrl);
  strict = new HTTP(strictPdp.httpUrl);
});
afterAll(async () => {
  await Promise.all(started.map((pdp) => pdp.stop()));
});

const plan = (client: HTTP, action: string, principal = user) =>
  client.planResources({ principal, resource: { kind: "probe" }, action, includeMetadata: true });
const shown = (response: PlanResourcesResponse) =>
  response.kind === "KIND_CONDITIONAL" ? response.metadata?.conditionString : response.kind;
async function check(client: HTTP, action: string, attr: Record<string, number>, principal = user) {
  const response = await client.checkResources({
    principal,
    resources: [{ resource: { kind: "probe", id: "1", attr }, actions: [action] }],
  });
  return response.isAllowed({ resource: { kind: "probe", id: "1" }, action });
}

describe("Cerbos 0.55: plan vs CheckResources", () => {
  it("ignores a principal-policy DENY decided by principal attributes: the plan is wider (fixed in 0.56)", async () => {
    expect(shown(await plan(cerbos, "read", banned))).toBe("(eq request.resource.attr.z 1)");
    expect(await check(cerbos, "read", { z: 1 }, banned)).toBe(false);
  });

  it("under strictEvaluation an erring rule denies what another allows, yet the plan is the same: wider", async () => {
    const loosePlan = shown(await plan(cerbos, "strict_two_rules"));
    expect(shown(await plan(strict, "strict_two_rules"))).toBe(loosePlan);
    expect(await check(cerbos, "strict_two_rules", { z: 1 })).toBe(true);
    expect(await check(strict, "strict_two_rules", { z: 1 })).toBe(false);
  });

  it("plans has(R.attr.x) as true", async () => {
    expect(shown(await plan(cerbos, "has_attr"))).toBe("KIND_ALWAYS_ALLOWED");
    expect(await check(cerbos, "has_attr", {})).toBe(false);
  });

  it("folds `x in []` to false at compile time now, in CheckResources too (0.51 erred there)", async () => {
    expect(shown(await plan(cerbos, "in_empty"))).toBe("KIND_ALWAYS_ALLOWED");
    expect(await check(cerbos, "in_empty", {})).toBe(true);
  });

  it("fails PlanResources when constant folding yields ±Infinity or NaN (not JSON)", async () => {
    await expect(plan(cerbos, "folded_infinity")).rejects.toThrow(/invalid \+Inf value/);
    expect(await check(cerbos, "folded_infinity", { x: 1 })).toBe(true);
  });

  it("plans a DENY as `not`, but a DENY whose condition errs does not deny: the plan is narrower", async () => {
    expect(shown(await plan(cerbos, "deny_errs"))).toBe(
      "(and (not (eq request.resource.attr.x 1)) (eq request.resource.attr.z 1))",
    );
    expect(await check(cerbos, "deny_errs", { z: 1 })).toBe(true);
  });
});
