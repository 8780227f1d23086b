import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Pdp, repoPoliciesDir, startPdp } from "./index.ts";

const admin = { username: "admin-test", password: "a-password-for-this-test" };
const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

async function checkJohnOnContact3(pdp: Pdp): Promise<string> {
  const response = await fetch(`${pdp.httpUrl}/api/check/resources`, {
    method: "POST",
    body: JSON.stringify({
      principal: {
        id: "john",
        roles: ["user"],
        attr: {
          department: "Sales",
          isBanned: false,
          organizationIds: [1],
          memberOrgIds: [1],
          billingOrgIds: [],
          ownerOrgIds: [],
        },
      },
      resources: [
        {
          resource: {
            kind: "contact",
            id: "3",
            attr: {
              ownerId: "sarah",
              organizationId: 1,
              companyId: 3,
              isActive: true,
              marketingOptIn: false,
              tags: [],
            },
          },
          actions: ["update"],
        },
      ],
    }),
  });
  return ((await response.json()) as { cerbosCallId: string }).cerbosCallId;
}

const lookup = (pdp: Pdp, callId: string, authorization?: string) =>
  fetch(`${pdp.httpUrl}/admin/auditlog/list/KIND_DECISION?lookup=${callId}`, {
    headers: authorization ? { authorization } : {},
  });

describe("the Admin API and local audit store (adminApi option)", () => {
  let withAdmin: Pdp;
  let shipped: Pdp;
  let store: string;
  beforeAll(async () => {
    store = mkdtempSync(join(tmpdir(), "pdp-audit-test-"));
    [withAdmin, shipped] = await Promise.all([
      startPdp({ policiesDir: repoPoliciesDir, adminApi: { ...admin, auditStorePath: store } }),
      startPdp({ policiesDir: repoPoliciesDir }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withAdmin?.stop(), shipped?.stop()]);
    rmSync(store, { recursive: true, force: true });
  });

  it("finds a decision by its call id at once, with its inputs, effects and rule outputs", async () => {
    const callId = await checkJohnOnContact3(withAdmin);
    const response = await lookup(withAdmin, callId, basic(admin.username, admin.password));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain(callId);
    expect(body).toContain('"effect":"EFFECT_DENY"');
    expect(body).toContain("resource.contact.vdefault#owner-update");
  });

  it("refuses wrong credentials", async () => {
    const callId = await checkJohnOnContact3(withAdmin);
    const response = await lookup(withAdmin, callId, basic(admin.username, "not-the-password"));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("owner-update");
  });

  it("is off in the shipped configuration", async () => {
    const callId = await checkJohnOnContact3(shipped);
    const response = await lookup(shipped, callId, basic("cerbos", "cerbosAdmin"));
    expect(response.ok).toBe(false);
    expect(await response.text()).not.toContain(callId);
  });
});
