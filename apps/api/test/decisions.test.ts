import { freePort } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { errorOf, type TestStack } from "../src/testing/index.ts";
import { stackOn } from "./support/stack.ts";

// Decision lookup reads the PDPs' own audit trail (their Admin API over the local audit store
// the tests' global setup turns on), never a log of the API's.

describe("decision lookup (admins)", () => {
  const admin = inject("cerbosAdmin");
  const cerbosUrl = inject("cerbosUrl");
  let app: TestStack;
  let deadPdp: string;
  beforeAll(async () => {
    deadPdp = `http://127.0.0.1:${await freePort()}`;
    // The dead PDP first: every PDP is asked, the one that has the call answers.
    app = await stackOn("sqlite", { auditTrail: { pdpUrls: [deadPdp, cerbosUrl], ...admin, timeoutMs: 1000 } });
  });
  afterAll(() => app?.stop());

  it("shows a CheckResources decision: principal, resource, actions with effect, policy and the rule that said why", async () => {
    const sarah = await app.as("sarah");
    const { cerbosCallId } = await errorOf(sarah.contacts.update.mutate({ id: 1, firstName: "Jon" }));
    const alice = await app.as("alice");
    const decision = await alice.decisions.lookup.query({ callId: cerbosCallId ?? "" });
    expect(decision.type).toBe("check");
    if (decision.type !== "check") return;
    expect(decision).toMatchObject({
      callId: cerbosCallId,
      pdp: cerbosUrl,
      principal: { id: "sarah", roles: ["user"], attr: { department: "Sales", ownerOrgIds: [1] } },
      policySources: { "resource.contact.vdefault": "contact.yaml" },
    });
    const resource = decision.resources[0];
    expect(resource).toMatchObject({ kind: "contact", id: "1", attr: { ownerId: "john", organizationId: 1 } });
    expect(resource?.actions.update).toEqual({
      effect: "EFFECT_DENY",
      policy: "resource.contact.vdefault",
      rules: [{ rule: "owner-update", output: "Only the contact's owner (or an admin) may edit it." }],
    });
  });

  it("shows a PlanResources decision with its filter", async () => {
    const john = await app.as("john");
    const { cerbosCallId } = await errorOf(john.users.list.query());
    const alice = await app.as("alice");
    const decision = await alice.decisions.lookup.query({ callId: (cerbosCallId ?? "").toLowerCase() });
    expect(decision).toMatchObject({
      type: "plan",
      callId: cerbosCallId,
      principal: { id: "john" },
      resource: { kind: "user" },
      action: "read",
      filter: { kind: "KIND_ALWAYS_DENIED" },
    });
  });

  it("is for admins only (policies/decision.yaml), and an unknown call id is NOT_FOUND", async () => {
    const alice = await app.as("alice");
    const { cerbosCallId } = await errorOf((await app.as("geri")).contacts.get.query({ id: 2 }));
    const john = await app.as("john");
    const refused = await errorOf(john.decisions.lookup.query({ callId: cerbosCallId ?? "" }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.reasons).toEqual(["Only administrators may look up authorization decisions."]);
    // Not found on the live PDP, and the dead one could not say: not a guess of "not found".
    const unknown = await errorOf(alice.decisions.lookup.query({ callId: "01M8SW7HJ2QZPX6ZBSXYZZ8ZX6" }));
    expect(unknown.code).toBe("SERVICE_UNAVAILABLE");
    const invalid = await errorOf(alice.decisions.lookup.query({ callId: "not-a-call-id" }));
    expect(invalid.code).toBe("BAD_REQUEST");
  });

  it("NOT_FOUND when every PDP answers and none has it; off when no credentials are configured", async () => {
    const live = await stackOn("sqlite", { auditTrail: { pdpUrls: [cerbosUrl], ...admin } });
    const off = await stackOn("sqlite");
    try {
      const unknown = await errorOf(
        (await live.as("alice")).decisions.lookup.query({ callId: "01M8SW7HJ2QZPX6ZBSXYZZ8ZX6" }),
      );
      expect(unknown.code).toBe("NOT_FOUND");
      const notConfigured = await errorOf(
        (await off.as("alice")).decisions.lookup.query({ callId: "01M8SW7HJ2QZPX6ZBSXYZZ8ZX6" }),
      );
      expect(notConfigured.code).toBe("PRECONDITION_FAILED");
    } finally {
      await Promise.all([live.stop(), off.stop()]);
    }
  });
});
