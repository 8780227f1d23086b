import {
  CheckResourcesResponse,
  CheckResourcesResult,
  Effect,
  PlanKind,
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
import type { Pdp } from "./pdp.ts";
import { authorizedFindAndCountAll } from "./query.ts";

// The primitive's own decisions, against a stand-in PDP (what the real one answers is proven by
// the integration suites in test/): what it runs for each plan kind, and how it fails closed.
const db = openDatabase("sqlite::memory:");
beforeAll(async () => {
  await migrate(db.sequelize);
  await db.models.Organization.create({ id: 1, name: "Acme", billingAddress: "" });
  await db.models.Company.bulkCreate([1, 2, 3].map((id) => ({ id, name: `C${id}`, organizationId: 1 })));
});

const base = { cerbosCallId: "plan-1", requestId: "test", validationErrors: [], metadata: undefined };

function pdpAnswering(plan: () => Promise<PlanResourcesResponse>, deniedIds: string[] = []) {
  const checks: Resource[][] = [];
  const cerbos: Pick<Pdp, "planResources" | "checkResources"> = {
    planResources: plan,
    async checkResources(request) {
      checks.push(request.resources.map((entry) => entry.resource));
      const results = request.resources.map(
        ({ resource, actions }) =>
          new CheckResourcesResult({
            resource: { ...resource, policyVersion: "default", scope: "" },
            actions: Object.fromEntries(
              actions.map((a) => [a, deniedIds.includes(resource.id) ? Effect.DENY : Effect.ALLOW]),
            ),
            validationErrors: [],
            metadata: undefined,
            outputs: [],
          }),
      );
      return new CheckResourcesResponse({ cerbosCallId: "check-1", requestId: "test", results });
    },
  };
  return { cerbos, checks };
}

const listCompanies = (cerbos: Pick<Pdp, "planResources" | "checkResources">, extra = {}) =>
  authorizedFindAndCountAll(
    db.models.Company,
    {
      cerbos,
      principal: { id: "john", roles: ["user"] },
      kind: "company",
      action: "read",
      flags: ["update"],
      mapper: companyKind.mapper,
    },
    { order: [["id", "ASC"]], limit: 2, ...extra },
  );

describe("authorizedFindAndCountAll", () => {
  it("runs no query on ALWAYS_DENIED and says so", async () => {
    const { cerbos, checks } = pdpAnswering(async () => ({ ...base, kind: PlanKind.ALWAYS_DENIED }));
    expect(await listCompanies(cerbos)).toMatchObject({
      rows: [],
      count: 0,
      denied: true,
      cerbosCallIds: { read: "plan-1" },
    });
    expect(checks).toEqual([]);
  });

  it("pages and counts, checks the page in one call, and withholds a row the check denies", async () => {
    const { cerbos, checks } = pdpAnswering(async () => ({ ...base, kind: PlanKind.ALWAYS_ALLOWED }), ["2"]);
    const page = await listCompanies(cerbos);
    expect(page.rows.map((row) => row.id)).toEqual([1]);
    expect(page).toMatchObject({ count: 3, hasMore: true, can: [{ update: true }], denied: false });
    expect(page.cerbosCallIds).toEqual({ read: "plan-1", update: "check-1" });
    expect(checks.map((batch) => batch.map((resource) => resource.id))).toEqual([["1", "2"]]);
  });

  it("restricts the page, not the count, with `after`", async () => {
    const { cerbos } = pdpAnswering(async () => ({ ...base, kind: PlanKind.ALWAYS_ALLOWED }));
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

  it("turns an unreachable PDP into SERVICE_UNAVAILABLE", async () => {
    const { cerbos } = pdpAnswering(() => Promise.reject(new PdpUnavailable("connection refused")));
    const error = await listCompanies(cerbos).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
  });
});
