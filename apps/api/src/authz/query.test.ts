import { PlanKind, type PlanResourcesResponse } from "@cerbos/core";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Session } from "../context.ts";
import { openDatabase } from "../db/database.ts";
import { PdpUnavailable } from "../errors.ts";
import { contactMapper } from "./mappers.ts";
import type { Pdp } from "./pdp.ts";
import { planFilter } from "./plan.ts";

const db = openDatabase("sqlite::memory:");
const session = { principal: { id: "john", roles: ["user"] } } as unknown as Session;

function contextAnswering(plan: () => Promise<PlanResourcesResponse>) {
  const pdp: Pdp = {
    planResources: plan,
    checkResources: () => Promise.reject(new Error("unused")),
    isHealthy: async () => true,
  };
  return { pdp, session, cerbosCallIds: [] as string[], requestId: "test" };
}

const base = { cerbosCallId: "call-1", requestId: "test", validationErrors: [], metadata: undefined };
const options = { kind: "contact", action: "read", model: db.models.Contact, mapper: contactMapper };

describe("planFilter", () => {
  it("reports ALWAYS_DENIED without a where, so the caller runs no query", async () => {
    const ctx = contextAnswering(async () => ({ ...base, kind: PlanKind.ALWAYS_DENIED }));
    expect(await planFilter(ctx, options)).toEqual({ kind: PlanKind.ALWAYS_DENIED });
    expect(ctx.cerbosCallIds).toEqual(["call-1"]);
  });

  it("refuses a plan the adapter cannot translate with INTERNAL_SERVER_ERROR, never a wider filter", async () => {
    const ctx = contextAnswering(async () => ({
      ...base,
      kind: PlanKind.CONDITIONAL,
      condition: { operator: "frobnicate", operands: [{ name: "request.resource.attr.ownerId" }] },
    }));
    const error = await planFilter(ctx, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
    expect((error as TRPCError).message).toContain("cannot be translated to SQL");
  });

  it("turns an unreachable PDP into SERVICE_UNAVAILABLE", async () => {
    const ctx = contextAnswering(() => Promise.reject(new PdpUnavailable("connection refused")));
    const error = await planFilter(ctx, options).catch((caught: unknown) => caught);
    expect((error as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
  });
});
