import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlanResourcesResponse } from "@cerbos/core";

/** Plans the authz package records from the real PDP for the shipped policies (regenerable). */
export const recordedPlansDir = fileURLToPath(new URL("../../../authz/test/recorded-plans", import.meta.url));

export const projectKinds = ["contact", "company", "organization"] as const;
export type ProjectKind = (typeof projectKinds)[number];

export interface RecordedPlan {
  name: string;
  kind: ProjectKind;
  response: PlanResourcesResponse;
}

/**
 * Every conditional plan of the project's policies, plus one always-allowed and one
 * always-denied plan (their translation is a constant, shown for scale).
 */
export function loadRecordedPlans(): RecordedPlan[] {
  const plans = readdirSync(recordedPlansDir)
    .filter((file) => projectKinds.some((kind) => file.startsWith(`${kind}.`)) && file.endsWith(".json"))
    .sort()
    .map((file): RecordedPlan => {
      const recorded = JSON.parse(readFileSync(`${recordedPlansDir}/${file}`, "utf8")) as {
        response: PlanResourcesResponse;
      };
      return {
        name: file.replace(/\.json$/, ""),
        kind: file.split(".")[0] as ProjectKind,
        response: recorded.response,
      };
    });
  const conditional = plans.filter((plan) => plan.response.kind === "KIND_CONDITIONAL");
  const constant = ["KIND_ALWAYS_ALLOWED", "KIND_ALWAYS_DENIED"].flatMap((kind) => {
    const found = plans.find((plan) => plan.kind === "contact" && plan.response.kind === kind);
    return found ? [found] : [];
  });
  if (conditional.length === 0) throw new Error(`no conditional plans for the shipped policies in ${recordedPlansDir}`);
  return [...conditional, ...constant];
}
