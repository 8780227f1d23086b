import type { PlanResourcesResponse } from "@cerbos/core";
import { queryPlanToPrisma } from "@cerbos/orm-prisma";
import type { ProjectKind } from "./plans.ts";

/** orm-prisma's mapper for the same attributes the API's mappers map (apps/api/src/authz/mappers.ts). */
const prismaMappers: Record<ProjectKind, Parameters<typeof queryPlanToPrisma>[0]["mapper"]> = {
  contact: {
    "request.resource.id": { field: "id" },
    "request.resource.attr.ownerId": { field: "ownerId" },
    "request.resource.attr.organizationId": { field: "organizationId" },
    "request.resource.attr.companyId": { field: "companyId" },
    "request.resource.attr.isActive": { field: "isActive" },
    "request.resource.attr.marketingOptIn": { field: "marketingOptIn" },
    "request.resource.attr.tags": { relation: { name: "tags", type: "many", field: "name" } },
  },
  company: {
    "request.resource.id": { field: "id" },
    "request.resource.attr.organizationId": { field: "organizationId" },
  },
  organization: {
    "request.resource.id": { field: "id" },
    "request.resource.attr.organizationId": { field: "id" },
  },
};

type PrismaPlan = Parameters<typeof queryPlanToPrisma>[0]["queryPlan"];

/** The Prisma adapter on the same plan: orm-prisma 2.0.1 was built against an older @cerbos/core, same JSON shape. */
export function translateWithPrisma(kind: ProjectKind, plan: PlanResourcesResponse): unknown {
  return queryPlanToPrisma({ queryPlan: plan as unknown as PrismaPlan, mapper: prismaMappers[kind] });
}
