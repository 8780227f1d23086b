import type { DecisionLogEntry } from "@cerbos/core";
import { pdpClient } from "../authz/pdp-client.ts";
import type { AuditTrailConfig } from "./config.ts";

/** A decision as one PDP's audit store has it. */
export interface FoundDecision {
  /** The PDP that made (and kept) the decision. */
  pdp: string;
  entry: DecisionLogEntry;
}

export interface AuditTrail {
  /**
   * Asks every PDP at once for the call id. The entry of the first that has it; undefined when
   * none has it; PdpsUnreachable when none has it and some did not answer (then "not found"
   * would be a guess).
   */
  find(callId: string): Promise<FoundDecision | undefined>;
  /** Releases the connections (gRPC channels). */
  close(): void;
}

type Answer =
  | { url: string; entry: DecisionLogEntry | undefined; failure?: undefined }
  | { url: string; entry?: undefined; failure: string };

export class PdpsUnreachable extends Error {
  override name = "PdpsUnreachable";
  constructor(readonly failures: { pdp: string; reason: string }[]) {
    super(`${failures.length} PDP(s) did not answer: ${failures.map((f) => `${f.pdp}: ${f.reason}`).join("; ")}`);
  }
}

/** The PDPs' own audit trail, read through their Admin API (`ListAuditLogEntries` with `lookup`). */
export function createAuditTrail(config: AuditTrailConfig): AuditTrail {
  const timeoutMs = config.timeoutMs ?? 2000;
  const clients = config.pdpUrls.map((url) => ({
    url,
    ...pdpClient(url, {
      userAgent: "repo-api decision lookup",
      adminCredentials: { username: config.username, password: config.password },
    }),
  }));
  return {
    async find(callId) {
      const answers = await Promise.all(
        clients.map(async ({ url, client }): Promise<Answer> => {
          try {
            const entry = await client.getDecisionLogEntry(callId, { signal: AbortSignal.timeout(timeoutMs) });
            return { url, entry };
          } catch (error) {
            return { url, failure: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      const failures: { pdp: string; reason: string }[] = [];
      for (const answer of answers) {
        if (answer.failure !== undefined) failures.push({ pdp: answer.url, reason: answer.failure });
        else if (answer.entry) return { pdp: answer.url, entry: answer.entry };
      }
      if (failures.length > 0) throw new PdpsUnreachable(failures);
      return undefined;
    },
    close: () => {
      for (const { close } of clients) close();
    },
  };
}
