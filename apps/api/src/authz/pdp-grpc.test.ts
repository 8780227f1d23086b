import { freePort } from "@repo/pdp";
import type {} from "@repo/pdp/global-setup";
import { describe, expect, inject, it } from "vitest";
import { PdpUnavailable } from "../errors.ts";
import { createPdp } from "./pdp.ts";
import { pdpClient } from "./pdp-client.ts";
import { probeEachPdp } from "./probe.ts";

// john, a member of Acme Corp, and his own contact there (the shapes policies/_schemas require).
const principal = {
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
};
const check = {
  principal,
  resources: [
    {
      resource: {
        kind: "contact",
        id: "1",
        attr: { ownerId: "john", organizationId: 1, companyId: null, isActive: true, marketingOptIn: false, tags: [] },
      },
      actions: ["read", "update", "delete"],
    },
  ],
};
const plan = { principal, resource: { kind: "contact" }, action: "read" };
const deadGrpcUrl = async () => `grpc://127.0.0.1:${await freePort()}`;

describe("CERBOS_URL=grpc://host:port: the PDP over gRPC", () => {
  it("gives the same decisions and query plans as over HTTP", async () => {
    const [http, grpc] = [createPdp(inject("cerbosUrl"), 2000), createPdp(inject("cerbosGrpcUrl"), 2000)];
    try {
      const [overHttp, overGrpc] = await Promise.all([http.checkResources(check), grpc.checkResources(check)]);
      expect(overGrpc.results.map((r) => r.actions)).toEqual(overHttp.results.map((r) => r.actions));
      expect(overGrpc.results[0]?.actions).toEqual({
        read: "EFFECT_ALLOW",
        update: "EFFECT_ALLOW",
        delete: "EFFECT_ALLOW",
      });
      const [planHttp, planGrpc] = await Promise.all([http.planResources(plan), grpc.planResources(plan)]);
      expect(planGrpc.kind).toBe(planHttp.kind);
      expect("condition" in planGrpc && planGrpc.condition).toEqual("condition" in planHttp && planHttp.condition);
      expect(await grpc.isHealthy()).toBe(true);
    } finally {
      http.close();
      grpc.close();
    }
  });

  it("retries on the next PDP when a gRPC PDP refuses the connection, and passes the start-up probe", async () => {
    const pdp = createPdp([await deadGrpcUrl(), inject("cerbosGrpcUrl")], 2000);
    try {
      for (let call = 0; call < 4; call++) expect((await pdp.checkResources(check)).results).toHaveLength(1);
    } finally {
      pdp.close();
    }
    expect(await probeEachPdp([inject("cerbosGrpcUrl")], 2000, 0)).toEqual([]);
  });

  it("fails closed with PdpUnavailable within the timeout when no gRPC PDP answers", async () => {
    const pdp = createPdp([await deadGrpcUrl(), await deadGrpcUrl()], 1000);
    const started = Date.now();
    try {
      await expect(pdp.checkResources(check)).rejects.toBeInstanceOf(PdpUnavailable);
      await expect(pdp.planResources(plan)).rejects.toBeInstanceOf(PdpUnavailable);
      expect(Date.now() - started).toBeLessThan(2000 + 1000);
      expect(await pdp.isHealthy()).toBe(false);
    } finally {
      pdp.close();
    }
  });

  it("refuses a gRPC URL without a port or with a path, and any other scheme", () => {
    expect(() => pdpClient("grpc://pdp")).toThrow("a gRPC PDP URL is grpc://host:port, with nothing after the port");
    expect(() => pdpClient("grpc://pdp:3593/api")).toThrow("with nothing after the port");
    expect(() => pdpClient("ftp://pdp:21")).toThrow("a PDP URL starts with http://, https://, grpc://, grpcs://");
  });
});
