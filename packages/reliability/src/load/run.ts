import type { SqlReader } from "@repo/testing";
import { type ContactsApi, listAll, pageOf } from "../contacts-api.ts";
import { companiesFromDb, contactsFromDb, type Oracle, organizationsFromDb } from "../oracle.ts";
import { rawCall } from "../raw-trpc.ts";
import type { LoadClient } from "./clients.ts";
import { LoadState, type StepDeps, sortFields, step } from "./step.ts";

/**
 * The concurrent load with the leak oracle, as phases a scenario strings together: bursts where
 * every client acts at once (each row shown re-checked with CheckResources), and quiet phases
 * where nothing writes, whole lists are compared with what each user may read, and every
 * acknowledged write must be in the database. Used by test/concurrent-load.test.ts (one API on
 * SQLite) and test/scale-out.test.ts (replicas behind haproxy on Postgres).
 */
export interface LoadRun {
  state: LoadState;
  /** Every client acts until `ms` have passed; returns the phase's latencies (ms, sorted). */
  burst(ms: number): Promise<number[]>;
  /** Compares whole lists and looks for lost writes; returns the mismatches (empty: all is well). */
  quiet(phase: number): Promise<{ mismatches: string[]; lost: string[] }>;
  /** Lists compared in quiet phases so far. */
  compared(): number;
}

export interface LoadRunOptions {
  baseUrl: string;
  api: ContactsApi;
  db: SqlReader;
  oracle: Oracle;
  clients: LoadClient[];
  knownIds: number[];
  faultActive?: () => boolean;
}

export function loadRun(options: LoadRunOptions): LoadRun {
  const { api, db, oracle, clients } = options;
  const state = new LoadState(options.knownIds);
  const deps: StepDeps = { api, db, oracle, state, faultActive: options.faultActive ?? (() => false) };
  let compared = 0;

  /** companies.list and organizations.list must equal what the user may read, row for row. */
  async function compareOtherLists(client: LoadClient, mismatches: string[]): Promise<number> {
    const lists = [
      { procedure: "companies.list", input: { limit: 50 }, resources: await companiesFromDb(db) },
      { procedure: "organizations.list", input: undefined, resources: await organizationsFromDb(db) },
    ];
    let checked = 0;
    for (const { procedure, input, resources } of lists) {
      const outcome = await rawCall({ baseUrl: options.baseUrl, procedure, kind: "query", token: client.token, input });
      if (outcome.code !== undefined || outcome.status !== 200) {
        mismatches.push(`${procedure} as ${client.user}: HTTP ${outcome.status} ${outcome.code}`);
        continue;
      }
      const data = outcome.data as { items: { id: number }[] } | { id: number }[];
      const listed = (Array.isArray(data) ? data : data.items).map((row) => String(row.id)).sort();
      const readable = [...(await oracle.allowed(client.principal, resources))].sort();
      if (JSON.stringify(listed) !== JSON.stringify(readable)) {
        mismatches.push(`${procedure} as ${client.user}: listed ${listed}, may read ${readable}`);
      }
      checked += listed.length;
    }
    return checked;
  }

  return {
    state,
    compared: () => compared,
    async burst(ms) {
      state.latencies = [];
      const until = Date.now() + ms;
      await Promise.all(
        clients.map(async (client) => {
          while (Date.now() < until) await step(deps, client);
        }),
      );
      return [...state.latencies].sort((a, b) => a - b);
    },
    async quiet(phase) {
      const mismatches: string[] = [];
      const all = [...(await contactsFromDb(db)).values()];
      for (const client of clients) {
        const sortBy = sortFields[(phase + compared) % sortFields.length] ?? "lastName";
        const sortDir = compared % 2 === 0 ? "asc" : "desc";
        const listed = (await listAll(api, client.token, { sortBy, sortDir }))
          .map((item) => item.id)
          .sort((a, b) => a - b);
        const readable = [...(await oracle.allowed(client.principal, all))].map(Number).sort((a, b) => a - b);
        const first = pageOf(await api.list(client.token, { limit: 1 }));
        if (JSON.stringify(listed) !== JSON.stringify(readable) || first.total !== readable.length) {
          mismatches.push(
            `${client.user} (${sortBy} ${sortDir}): listed ${listed} (total ${first.total}), may read ${readable}`,
          );
        }
        compared++;
        state.rowsChecked += listed.length;
        state.rowsChecked += await compareOtherLists(client, mismatches);
      }
      return { mismatches, lost: await lostWrites(db, state) };
    },
  };
}

/** Acknowledged writes that are not in the database (a write cut off by a fault may or may not be). */
async function lostWrites(db: SqlReader, state: LoadState): Promise<string[]> {
  const rows = new Map(
    (await db.all<{ id: number; lastName: string }>(`SELECT "id", "lastName" FROM "contacts"`)).map((row) => [
      Number(row.id),
      row.lastName,
    ]),
  );
  const lost: string[] = [];
  for (const [id, name] of state.lastName) {
    if (state.deleted.has(id)) continue;
    const found = rows.get(id);
    if (found === undefined && state.unknownDeletes.has(id)) continue;
    if (found !== name && !(found !== undefined && state.unknownNames.get(id)?.has(found))) {
      lost.push(`contact ${id}: acknowledged "${name}", found ${JSON.stringify(found)}`);
    }
  }
  for (const id of state.deleted) if (rows.has(id)) lost.push(`contact ${id}: acknowledged delete, still there`);
  return lost;
}

/** The p-th percentile of sorted latencies (ms, rounded). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}
