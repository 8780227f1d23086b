import type { Transaction } from "sequelize";
import type { AnyModel } from "../mapper.ts";
import { checkInBatches } from "./check-batch.ts";
import { loadResources } from "./load-resources.ts";
import { keyText } from "./rows.ts";
import type { CerbosCallOptions, Disagreement } from "./types.ts";

export interface CheckedPage {
  /** Per page row: false when CheckResources denies the main action (the row is withheld). */
  readonly keep: boolean[];
  /** Per page row: the decisions of the checked actions, merged over the planned ones. */
  readonly can: Array<Record<string, boolean>>;
  readonly disagreements: Disagreement[];
  readonly callIds: string[];
}

export interface CheckPageOptions {
  readonly model: AnyModel;
  readonly primaryKey: string;
  readonly keys: readonly unknown[];
  /** Per page row, what the plans said; an action missing there (a refused flag) is simply filled in. */
  readonly planned: ReadonlyArray<Record<string, boolean>>;
  readonly actions: readonly string[];
  readonly mainAction: string;
  readonly call: CerbosCallOptions;
  readonly transaction: Transaction | null | undefined;
  readonly batchSize: number | undefined;
}

/**
 * Asks CheckResources about the page's rows (loaded again with what the mapper needs) and
 * takes its decisions: a row it denies the main action is withheld, a flag takes its value.
 * Every difference from the plan is reported.
 */
export async function checkPage(options: CheckPageOptions): Promise<CheckedPage> {
  const { model, primaryKey, keys, planned, actions, mainAction, call } = options;
  const resources = await loadResources(model, primaryKey, keys, call, options.transaction);
  const present = keys.flatMap((key) => resources.get(keyText(key)) ?? []);
  const checked = await checkInBatches(call, present, actions, options.batchSize);
  const byKey = new Map(present.map((resource, index) => [resource, index]));
  const keep: boolean[] = [];
  const can: Array<Record<string, boolean>> = [];
  const disagreements: Disagreement[] = [];
  keys.forEach((key, row) => {
    const resource = resources.get(keyText(key));
    const index = resource === undefined ? undefined : byKey.get(resource);
    const decision = index === undefined ? undefined : checked.decisions[index];
    const callId = index === undefined ? "" : (checked.callIds[index] ?? "");
    const merged = { ...planned[row] };
    for (const action of actions) {
      const allowed = decision?.[action] === true;
      const plannedValue = planned[row]?.[action];
      if (plannedValue !== undefined && plannedValue !== allowed) {
        const outcome = action === mainAction && !allowed ? "withheld" : "flag";
        disagreements.push({ id: key, action, planned: plannedValue, checked: allowed, outcome, cerbosCallId: callId });
      }
      merged[action] = allowed;
    }
    keep.push(merged[mainAction] !== false);
    can.push(merged);
  });
  return { keep, can, disagreements, callIds: [...new Set(checked.callIds)] };
}
