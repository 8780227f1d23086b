/**
 * Records real query plans from the Cerbos PDP into test/recorded-plans/*.json, for the unit
 * tests. Regenerate after a Cerbos upgrade or a policy change:
 *   npx -y pnpm@10.34.9 --filter @repo/authz record-plans
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Principal } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import { type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import { canonicalPlan } from "./canonical-plan.ts";

const outDir = fileURLToPath(new URL("./recorded-plans", import.meta.url));
const hostileDir = fileURLToPath(new URL("./policies", import.meta.url));

const user = (id: string, department: string | null, orgs: Partial<Record<string, number[]>>, isBanned = false) => ({
  id,
  roles: ["user"],
  attr: {
    department,
    isBanned,
    organizationIds: orgs.organizationIds ?? [],
    memberOrgIds: orgs.memberOrgIds ?? [],
    billingOrgIds: orgs.billingOrgIds ?? [],
    ownerOrgIds: orgs.ownerOrgIds ?? [],
  },
});

/** The principals of policies/tests/testdata/principals.yaml. */
const principals: Record<string, Principal> = {
  alice: { ...user("alice", "IT", {}), roles: ["admin"] },
  john: user("john", "Sales", { organizationIds: [1], memberOrgIds: [1] }),
  sarah: user("sarah", "Sales", {
    organizationIds: [1, 2],
    memberOrgIds: [1, 2],
    billingOrgIds: [1],
    ownerOrgIds: [1],
  }),
  geri: user("geri", "Marketing", { organizationIds: [1], memberOrgIds: [1] }),
  ivan: user("ivan", "IT", { organizationIds: [2], memberOrgIds: [2] }),
  bruno: user("bruno", "Sales", { organizationIds: [2], memberOrgIds: [2] }, true),
  olga: user("olga", "Sales", { organizationIds: [2], memberOrgIds: [2], billingOrgIds: [2], ownerOrgIds: [2] }),
};

const shipped: Record<string, { actions: string[]; principals: string[] }> = {
  contact: {
    actions: ["read", "update", "delete", "create"],
    principals: ["john", "geri", "sarah", "alice", "bruno", "ivan"],
  },
  organization: {
    actions: ["read", "listMembers", "readBilling", "addMember"],
    principals: ["john", "sarah", "olga", "alice"],
  },
  company: { actions: ["read", "create", "update"], principals: ["john", "bruno", "ivan", "alice"] },
};

async function recordPlans(pdp: Pdp, resourceKind: string, actions: string[], principal: Principal, label: string) {
  const cerbos = new HTTP(pdp.httpUrl);
  for (const action of actions) {
    const request = { principal, resource: { kind: resourceKind }, action, includeMetadata: true };
    // Per-call ids are dropped so that re-recording only shows real plan changes in a diff.
    const { cerbosCallId: _callId, requestId: _requestId, ...planned } = await cerbos.planResources(request);
    const response = canonicalPlan(planned);
    const file = `${outDir}/${resourceKind}.${action}.${label}.json`;
    writeFileSync(file, `${JSON.stringify({ request, response }, null, 2)}\n`);
  }
}

/** One plan in the raw HTTP form, to pin that the wire shape reads the same. */
async function recordWirePlan(pdp: Pdp) {
  const body = {
    requestId: "wire",
    action: "read",
    principal: principals.john,
    resource: { kind: "contact" },
    includeMeta: true,
  };
  const response = await fetch(`${pdp.httpUrl}/api/plan/resources`, { method: "POST", body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`wire plan failed: ${response.status} ${await response.text()}`);
  const { cerbosCallId: _callId, requestId: _requestId, ...json } = (await response.json()) as Record<string, unknown>;
  writeFileSync(
    `${outDir}/wire.contact.read.john.json`,
    `${JSON.stringify({ request: body, response: json }, null, 2)}\n`,
  );
}

/** Every action a policy file names (`actions: [a, b]` lines), in file order. */
function policyActions(file: string): string[] {
  const names = [...readFileSync(file, "utf8").matchAll(/^\s*actions: \[([^\]]*)\]/gm)].flatMap((match) =>
    (match[1] ?? "").split(",").map((name) => name.trim().replace(/^"|"$/g, "")),
  );
  return [...new Set(names.filter((name) => name !== "" && name !== "*"))];
}

async function main() {
  if (existsSync(outDir)) for (const file of readdirSync(outDir)) rmSync(`${outDir}/${file}`);
  mkdirSync(outDir, { recursive: true });
  const pdp = await startPdp({ policiesDir: repoPoliciesDir, celErrorLogLevel: "none" });
  try {
    for (const [kind, { actions, principals: names }] of Object.entries(shipped)) {
      for (const name of names) await recordPlans(pdp, kind, actions, principals[name]!, name);
    }
    await recordWirePlan(pdp);
  } finally {
    await pdp.stop();
  }
  if (existsSync(`${hostileDir}/hostile.yaml`)) {
    const { hostilePrincipal, hostileResourceKind } = await import("./policies/hostile-principal.ts");
    const hostile = await startPdp({ policiesDir: hostileDir, celErrorLogLevel: "none" });
    try {
      await recordPlans(
        hostile,
        hostileResourceKind,
        policyActions(`${hostileDir}/hostile.yaml`),
        hostilePrincipal,
        "hostile",
      );
    } finally {
      await hostile.stop();
    }
  }
  console.log(`recorded ${readdirSync(outDir).length} plans into ${outDir}`);
}

await main();
