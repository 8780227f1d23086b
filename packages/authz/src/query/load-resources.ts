import { Op, type Transaction } from "sequelize";
import { resourceInclude } from "../include.ts";
import type { AnyModel } from "../mapper.ts";
import { toCerbosResource } from "../resource.ts";
import type { CheckedResource } from "./check-batch.ts";
import { keyText } from "./rows.ts";
import type { CerbosCallOptions } from "./types.ts";

/** The Cerbos resource built from a loaded instance with the mapper, plus the call's policy version and scope. */
export function cerbosResourceOf(
  instance: InstanceType<AnyModel>,
  options: Pick<CerbosCallOptions, "kind" | "mapper" | "paths" | "policyVersion" | "scope">,
): CheckedResource {
  const { kind, mapper, paths, policyVersion, scope } = options;
  return {
    ...toCerbosResource(instance, { kind, mapper, ...(paths === undefined ? {} : { paths }) }),
    ...(policyVersion === undefined ? {} : { policyVersion }),
    ...(scope === undefined ? {} : { scope }),
  };
}

/**
 * Loads the page's rows again by primary key with what the mapper needs (resourceInclude),
 * whatever `attributes`, `include` or `raw` the page query used, and builds their resources.
 * A row no longer there is missing from the map (the caller treats it as denied).
 */
export async function loadResources(
  model: AnyModel,
  primaryKey: string,
  keys: readonly unknown[],
  options: CerbosCallOptions,
  transaction: Transaction | null | undefined,
): Promise<Map<string, CheckedResource>> {
  const resources = new Map<string, CheckedResource>();
  if (keys.length === 0) return resources;
  const instances = await model.unscoped().findAll({
    where: { [primaryKey]: { [Op.in]: [...keys] } },
    include: resourceInclude(model, options.mapper, options.paths),
    ...(transaction === undefined ? {} : { transaction }),
  });
  for (const instance of instances)
    resources.set(keyText(instance.get(primaryKey)), cerbosResourceOf(instance, options));
  return resources;
}
