import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Pdp, repoPoliciesDir, startPdp } from "@repo/pdp";
import type { AuditTrailConfig } from "./config.ts";

/**
 * The PDP main.ts starts when CERBOS_URL is unset: the shipped policies, the Admin API on with
 * credentials made for this process only, decisions in a local audit store of its own (a
 * temporary folder, removed by `stop`, so two such APIs never share one), and the audit trail
 * config that reads it back.
 */
export async function startLocalPdp(): Promise<{ pdp: Pdp; auditTrail: AuditTrailConfig }> {
  const admin = { username: "repo-api", password: randomBytes(18).toString("base64url") };
  const auditStorePath = mkdtempSync(join(tmpdir(), "repo-api-pdp-audit-"));
  try {
    const pdp = await startPdp({ policiesDir: repoPoliciesDir, adminApi: { ...admin, auditStorePath } });
    const stop = async () => {
      await pdp.stop();
      rmSync(auditStorePath, { recursive: true, force: true });
    };
    return { pdp: { ...pdp, stop }, auditTrail: { pdpUrls: [pdp.httpUrl], ...admin } };
  } catch (error) {
    rmSync(auditStorePath, { recursive: true, force: true });
    throw error;
  }
}
