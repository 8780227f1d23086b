import type { AnyModel } from "../mapper.ts";
import { type FlagQueryOptions, flagsBySql } from "./flags.ts";
import type { ActionFilter } from "./plan-actions.ts";
import { keyText } from "./rows.ts";

/**
 * What the plans say per page row: the main action true (the row passed its filter), a flag
 * whose plan is a constant without SQL, a conditional flag from one query over the page's
 * keys. A refused flag is left out (the caller decides it with CheckResources).
 */
export async function plannedFlags(
  model: AnyModel,
  primaryKey: string,
  keys: readonly unknown[],
  mainAction: string,
  flags: ReadonlyMap<string, ActionFilter>,
  options: FlagQueryOptions,
): Promise<Array<Record<string, boolean>>> {
  const conditions = new Map<string, string>();
  for (const [action, filter] of flags) if (filter.kind === "sql") conditions.set(action, filter.sql);
  const bySql = await flagsBySql(model, primaryKey, keys, conditions, options);
  return keys.map((key) => {
    const computed = bySql.get(keyText(key));
    const can: Record<string, boolean> = { [mainAction]: true };
    for (const [action, filter] of flags) {
      if (filter.kind === "always") can[action] = true;
      else if (filter.kind === "never") can[action] = false;
      else if (filter.kind === "sql") can[action] = computed?.[action] === true;
    }
    return can;
  });
}
