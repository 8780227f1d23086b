import type { Principal } from "@cerbos/core";
import type { HTTP } from "@cerbos/http";
import { resourceInclude, toCerbosResource } from "../../src/index.ts";
import { hostileResourceKind } from "../policies/hostile-principal.ts";
import { sameResource } from "./canonical.ts";
import { hostileMapper } from "./hostile-mapper.ts";
import type { HostileModels } from "./models.ts";
import { type Decisions, decideWithCheckResources } from "./oracle.ts";
import type { NullRepresentation, OracleResource } from "./oracle-resource.ts";

/** toCerbosResource for every row of one database, under both NULL representations. */
export type MappedResources = Record<NullRepresentation, Map<string, OracleResource>>;

/** Loads every row once with resourceInclude and builds its resource with each representation's mapper. */
export async function mapResources(models: HostileModels): Promise<MappedResources> {
  const instances = await models.Item.findAll({ include: resourceInclude(models.Item, hostileMapper("explicit")) });
  const build = (representation: NullRepresentation) =>
    new Map(
      instances.map((instance) => {
        const resource = toCerbosResource(instance, {
          kind: hostileResourceKind,
          mapper: hostileMapper(representation),
        });
        return [resource.id, resource] as const;
      }),
    );
  return { explicit: build("explicit"), omitted: build("omitted") };
}

/** Rows whose toCerbosResource resource differs from the independent builder's. */
export function differingRows(mapped: Map<string, OracleResource>, built: Map<string, OracleResource>): string[] {
  return [...built.keys()].filter((id) => {
    const resource = mapped.get(id);
    return resource === undefined || !sameResource(resource.attr, built.get(id)!.attr);
  });
}

/**
 * CheckResources' decisions for toCerbosResource's resources: the builder's where both resources
 * are the same, and asked anew for the rows where they differ (so those are proved against SQL too).
 */
export async function mappedDecisions(
  cerbos: HTTP,
  principal: Principal,
  mapped: Map<string, OracleResource>,
  differing: readonly string[],
  builderDecisions: Decisions,
  actions: string[],
): Promise<Decisions> {
  if (differing.length === 0) return builderDecisions;
  const resources = differing.flatMap((id) => (mapped.has(id) ? [mapped.get(id)!] : []));
  const fresh = await decideWithCheckResources(cerbos, principal, resources, actions);
  const merged: Decisions = new Map();
  for (const action of actions) {
    const allowed = new Set([...(builderDecisions.get(action) ?? [])].filter((id) => !differing.includes(id)));
    for (const id of fresh.get(action) ?? []) allowed.add(id);
    merged.set(action, allowed);
  }
  return merged;
}
