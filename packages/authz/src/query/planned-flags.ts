import type { AnyModel } from "../mapper.ts";
import { type FlagQueryOptions, type FlagsByKey, flagsBySql } from "./flags.ts";
import type { ActionFilter } from "./plan-actions.ts";
import { keyText } from "./rows.ts";

/**
 * What the plans say per page row: the main action true (the row passed its filter), a flag
 * whose plan is a constant without SQL, a conditional flag from one query over the page's
 * keys (or `known`: the same conditions as they came with the rows, `takeFlags`). A refused
 * flag is left out (the caller decides it with CheckResources).
 */
export async function plannedFlags(
  model: AnyModel,
  primaryKey: string,
  keys: readonly unknown[],
  mainAction: string,
  flags: ReadonlyMap<string, ActionFilter>,
  options: FlagQueryOptions,
  known?: FlagsByKey,
): Promise<Array<Record<string, boolean>>> {
  const bySql = known ?? (await flagsBySql(model, primaryKey, keys, flagConditions(flags), options));
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

/** The flags that need SQL: each conditional plan's condition, by action. */
export function flagConditions(flags: ReadonlyMap<string, ActionFilter>): Map<string, string> {
  const conditions = new Map<string, string>();
  for (const [action, filter] of flags) if (filter.kind === "sql") conditions.set(action, filter.sql);
  return conditions;
}
