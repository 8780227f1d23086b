import { appendFileSync } from "node:fs";
import { soak } from "./budget.ts";

/**
 * Prints a scenario's figures and, when RELIABILITY_REPORT names a file, appends them as one
 * JSON line there (how RELIABILITY.md's soak table is filled).
 */
export function report(scenario: string, figures: Record<string, number | string>): void {
  console.info(`${scenario}:`, JSON.stringify(figures));
  const file = process.env.RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ scenario, soak, at: new Date().toISOString(), ...figures })}\n`);
}
