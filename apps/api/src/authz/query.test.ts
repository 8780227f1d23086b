import {
  CheckResourcesResponse,
  CheckResourcesResult,
  Effect,
  PlanKind,
  type PlanResourcesRequest,
  type PlanResourcesResponse,
  type Resource,
} from "@cerbos/core";
import { TRPCError } from "@trpc/server";
import { Op } from "sequelize";
import { beforeAll, describe, expect, it } from "vitest";
import { companyKind } from "../companies/kind.ts";
import { openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { PdpUnavailable } from "../errors.ts";
import type { Disagreement } from "./adapter.ts";
import type { Pdp } from "./pdp.ts";
import { authorizedFindAndCountAll, authorizedRow, type ListVerify } from "./query.ts";

// The primitives' own decisions, against a stand-in PDP (what the real one answers is proven by
// the integration suites in test/): which PDP calls a list makes, what it runs for each plan
// kind, the `verify: "check"` safety net, and how it fails closed.
const db = openDatabase("sqlite::memory:");
beforeAll(async () => {
  await migrate(db.sequelize);
  await db.models.Organization.create({ id: 1, name: "Acme", billingAddress: "" });
  await db.models.Company.bulkCreate([1, 2, 3].map((id) => ({ id, name: `C${id}`, organizationId: 1 })));
});

const base = { cerbosCallId: "plan-1", requestId: "test", validationErrors: [], metadata: undefined };
type Plan = (request: PlanResourcesRequest) => Promise<PlanResourcesResponse>;

function pdpAnswering(plan: Plan, deniedIds: string[] = [], invalid = false) {
  const plans: string[] = [];
  const checks: Resource[][] = [];
  const cerbos: Pick<Pdp, "planResources" | "checkResources"> = {
    planResources(request) {
      plans.push(...("actions" in request ? request.actions : [request.action]));
      return plan(request);
    },
    async checkResources(request) {
      checks.push(request.resources.map((entry) => entry.resource));
      const results = request.resources.map(
        ({ resource, actions }) =>
          new CheckResourcesResult({
            resource: { ...resource, policyVersion: "default", scope: "" },
            actions: Object.fromEntries(
              actions.map((a) => [a, deniedIds.includes(resource.id) ? Effect.DENY : Effect.ALLOW]),
            ),
            validationErrors: invalid ? [{ path: "/organizationId", message: "bad", source: 1 as never }] : [],
            metadata: undefined,
            outputs: [],
          }),
      );
      return new CheckResourcesResponse({ cerbosCallId: "check-1", requestId: "test", results });
    },
  };
  return { cerbos, plans, checks };
}

const allowed: Plan = async (request) => ({
  ...base,
  cerbosCallId: `plan-${"actions" in request ? request.actions[0] : request.action}`,
  kind: PlanKind.ALWAYS_ALLOWED,
});

const listCompanies = (
  cerbos: Pick<Pdp, "planResources" | "checkResources">,
  extra = {},
  verify: ListVerify = "off",
  disagreements: Disagreement[] = [],
) =>
  authorizedFindAndCountAll(
    db.models.Company,
    {
      cerbos,
      principal: { id: "john", roles: ["user"] },
      kind: "company",
      action: "read",
      flags: ["update"],
      mapper: companyKind.mapper,
      verify,
      onDisagreement: (disagreement) => disagreements.push(disagreement),
    },
    { order: [["id", "ASC"]], limit: 2, ...extra },
  );

describe("authorizedFindAndCountAll", () => {
  it("runs no query on ALWAYS_DENIED and says so", async () => {
    const { cerbos, checks } = pdpAnswering(async () => ({ ...base, kind: PlanKind.ALWAYS_DENIED }));
    expect(await listCompanies(cerbos)).toMatchObject({ rows: [], count: 0, denied: true, checkCallIds: [] });
    expect(checks).toEqual([]);
  });

  it("makes one PlanResources per action and no CheckResources: the flags come from the plans", async () => {
    const { cerbos, plans, checks } = pdpAnswering(allowed);
    const page = await listCompanies(cerbos);
    expect(plans.sort()).toEqual(["read", "update"]);
    expect(checks).toEqual([]);
    expect(page.rows.map((row) => row.id)).toEqual([1, 2]);
    expect(page).toMatchObject({ count: 3, hasMore: true, denied: false, checkCallIds: [] });
    expect(page.can).toEqual([
      { read: true, update: true },
      { read: true, update: true },
    ]);
    expect(page.cerbosCallIds).toEqual({ read: "plan-read", update: "plan-update" });
  });

  it('with verify "check": one CheckResources over the page, a row it denies withheld and reported', async () => {
    const { cerbos, checks } = pdpAnswering(allowed, ["2"]);
    const disagreements: Disagreement[] = [];
    const page = await listCompanies(cerbos, {}, "check", disagreements);
    expect(checks.map((batch) => batch.map((resource) => resource.id))).toEqual([["1", "2"]]);
    expect(page.rows.map((row) => row.id)).toEqual([1]);
    expect(page).toMatchObject({ count: 3, hasMore: true, checkCallIds: ["check-1"] });
    expect(disagreements.filter((d) => d.outcome === "withheld").map((d) => d.id)).toEqual([2]);
  });

  it("restricts the page, not the count, with `after`", async () => {
    const { cerbos } = pdpAnswering(allowed);
    const page = await listCompanies(cerbos, { after: { id: { [Op.gt]: 2 } } });
    expect(page.rows.map((row) => row.id)).toEqual([3]);
    expect(page).toMatchObject({ count: 3, hasMore: false });
  });

  it("refuses a plan it cannot translate with INTERNAL_SERVER_ERROR, never a wider filter", async () => {
    const { cerbos } = pdpAnswering(async () => ({
      ...base,
      kind: PlanKind.CONDITIONAL,
      condition: { operator: "frobnicate", operands: [{ name: "request.resource.attr.organizationId" }] },
    }));
    const error = await listCompanies(cerbos).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect((error as TRPCError).message).toContain("cannot be translated to SQL");
  });

  it('answers INTERNAL_SERVER_ERROR, not rows, when verify "check" gets an answer it cannot use', async () => {
    const { cerbos } = pdpAnswering(allowed, [], true);
    const error = await listCompanies(cerbos, {}, "check").catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("turns an unreachable PDP into SERVICE_UNAVAILABLE", async () => {
    const { cerbos } = pdpAnswering(() => Promise.reject(new PdpUnavailable("connection refused")));
    const error = await listCompanies(cerbos).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
  });
});

describe("authorizedRow", () => {
  it("decides every action on one row in one CheckResources, a draft under the id given", async () => {
    const { cerbos, checks } = pdpAnswering(allowed, ["new"]);
    const decider = { cerbos, principal: { id: "john", roles: ["user"] } };
    const company = (await db.models.Company.findByPk(1))!;
    const options = { kind: "company", mapper: companyKind.mapper, actions: ["read", "update"] };
    expect(await authorizedRow(decider, company, options)).toEqual({
      allowed: { read: true, update: true },
      cerbosCallId: "check-1",
    });
    expect((await authorizedRow(decider, company, { ...options, id: "new" })).allowed).toEqual({
      read: false,
      update: false,
    });
    expect(checks.map((batch) => batch.map((resource) => resource.id))).toEqual([["1"], ["new"]]);
  });
});
