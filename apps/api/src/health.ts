import type { Pdp } from "./authz/pdp.ts";
import type { Database } from "./db/database.ts";

export interface HealthReport {
  database: "ok" | "down";
  /** `ok` when any PDP of CERBOS_URL answers: the API fails over to it (authz/pdp.ts). */
  pdp: "ok" | "down";
}

export async function checkHealth(db: Database, pdp: Pdp): Promise<HealthReport> {
  const [database, pdpUp] = await Promise.all([
    db.sequelize.query("SELECT 1").then(
      () => "ok" as const,
      () => "down" as const,
    ),
    pdp.isHealthy(),
  ]);
  return { database, pdp: pdpUp ? "ok" : "down" };
}
