import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Pdp, repoPoliciesDir, startPdp } from "../src/index.ts";

const geri = {
  id: "geri",
  roles: ["user"],
  attr: {
    department: "Marketing",
    isBanned: false,
    organizationIds: [1],
    memberOrgIds: [1],
    billingOrgIds: [],
    ownerOrgIds: [],
  },
};
const contact3 = {
  kind: "contact",
  id: "3",
  attr: { ownerId: "sarah", organizationId: 1, companyId: 3, isActive: true, marketingOptIn: false, tags: [] },
};

async function geriMayRead(pdp: Pdp): Promise<string | undefined> {
  const response = await fetch(`${pdp.httpUrl}/api/check/resources`, {
    method: "POST",
    body: JSON.stringify({ principal: geri, resources: [{ actions: ["read"], resource: contact3 }] }),
  });
  const body = (await response.json()) as { results: { actions: Record<string, string> }[] };
  return body.results[0]?.actions.read;
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

describe("policy watching (dev)", () => {
  const dir = mkdtempSync(join(tmpdir(), "watched-policies-"));
  cpSync(repoPoliciesDir, dir, { recursive: true });
  const contactPolicy = join(dir, "contact.yaml");
  const original = readFileSync(contactPolicy, "utf8");
  let pdp: Pdp | undefined;
  afterAll(async () => pdp?.stop());

  it("applies an edited policy without a restart, and keeps the last good set when an edit breaks", async () => {
    pdp = await startPdp({ policiesDir: dir, watch: true });
    const running = pdp;
    expect(await geriMayRead(running)).toBe("EFFECT_DENY");

    // Marketing may now read active contacts whatever their opt-in.
    writeFileSync(
      contactPolicy,
      original.replace("- expr: R.attr.marketingOptIn == true", "- expr: R.attr.isActive == true"),
    );
    expect(await eventually(async () => (await geriMayRead(running)) === "EFFECT_ALLOW", 10_000)).toBe(true);

    // A broken edit: the PDP logs the error and keeps serving the last good policies.
    writeFileSync(contactPolicy, original.replace("R.attr.isActive == true", "R.attr.isActive == ("));
    expect(
      await eventually(
        async () => running.logs(200).some((line) => /error|fail/i.test(line) && line.includes("contact")),
        10_000,
      ),
    ).toBe(true);
    expect(await geriMayRead(running)).toBe("EFFECT_ALLOW");
  });
});
