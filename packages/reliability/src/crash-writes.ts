import type { ApiProcess } from "./api-process.ts";
import { type ContactsApi, contactsApi, idOf } from "./contacts-api.ts";
import { loginAll } from "./stack.ts";
import { seededRandom, sleep, Tally } from "./tally.ts";

/**
 * The crash-safety scenario's writes and bookkeeping, whatever the database: writers stream
 * creates, updates and deletes at the API process (`first`, already started) until it is killed
 * with SIGKILL, `rounds` times, each time restarted by `start` on the same database and port.
 */
export interface CrashLedger {
  /** Per contact: the name of its last acknowledged write, and of a write still in flight at the kill. */
  created: Map<number, { acked: string; pending?: string | undefined }>;
  deleted: Set<number>;
  /** Deletes in flight at a kill: the contact may be there or not. */
  pendingDeletes: Set<number>;
  /** "acknowledged", "connection-lost" (in flight at a kill), "crashes", and the refusal codes. */
  tally: Tally;
  /** The restarted API after the last round, and a client for it (john and sarah signed in). */
  proc: ApiProcess;
  api: ContactsApi;
  tokens: Record<string, string>;
}

export async function writeThroughCrashes(options: {
  first: ApiProcess;
  rounds: number;
  start: () => Promise<ApiProcess>;
}): Promise<CrashLedger> {
  let proc = options.first;
  const tokens = await loginAll(proc.baseUrl, ["john", "sarah"]);
  const api = contactsApi(proc.baseUrl);
  const ledger: CrashLedger = {
    created: new Map(),
    deleted: new Set(),
    pendingDeletes: new Set(),
    tally: new Tally(),
    proc,
    api,
    tokens,
  };
  const { created, deleted, pendingDeletes, tally } = ledger;
  let sequence = 0;

  for (let round = 0; round < options.rounds; round++) {
    let writing = true;
    // Each writer touches only contacts it created, one request at a time, so "last acknowledged" is well defined.
    const writer = async (user: "john" | "sarah", seed: number) => {
      const random = seededRandom(seed);
      const mine: number[] = [];
      while (writing) {
        const choice = random();
        const id = mine[Math.floor(random() * mine.length)];
        try {
          if (choice < 0.6 || id === undefined) {
            const lastName = `crash-${round}-${sequence++}`;
            // Tags (the seeded ones) make a create several statements (contact, links): a kill can fall between them.
            const tags = random() < 0.5 ? ["vip"] : ["public", "vip"];
            const outcome = await api.create(tokens[user]!, { organizationId: 1, firstName: user, lastName, tags });
            if (outcome.code === undefined) {
              created.set(idOf(outcome), { acked: lastName });
              mine.push(idOf(outcome));
            }
            tally.add(outcome.code ?? "acknowledged");
          } else if (choice < 0.85) {
            const state = created.get(id)!;
            state.pending = `crash-${round}-${sequence++}-updated`;
            const outcome = await api.update(tokens[user]!, id, { lastName: state.pending });
            if (outcome.code === undefined) state.acked = state.pending;
            state.pending = undefined;
            tally.add(outcome.code ?? "acknowledged");
          } else {
            pendingDeletes.add(id);
            const outcome = await api.remove(tokens[user]!, id);
            if (outcome.code === undefined) deleted.add(id);
            pendingDeletes.delete(id);
            mine.splice(mine.indexOf(id), 1);
            tally.add(outcome.code ?? "acknowledged");
          }
        } catch {
          // The connection died with the process: that write was not acknowledged.
          tally.add("connection-lost");
          return;
        }
      }
    };
    const writers = [writer("john", round * 10 + 1), writer("john", round * 10 + 2), writer("sarah", round * 10 + 3)];
    await sleep(1200 + Math.floor(seededRandom(round + 99)() * 1000));
    await proc.kill9();
    writing = false;
    await Promise.all(writers);
    tally.add("crashes");
    proc = await options.start();
    ledger.proc = proc;
  }
  return ledger;
}

/** What the database lost of what the API acknowledged (`rows`: every contact stored after the last restart). */
export function lostWrites(ledger: CrashLedger, rows: readonly { id: number; lastName: string }[]): string[] {
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const lost: string[] = [];
  for (const [id, { acked, pending }] of ledger.created) {
    const row = byId.get(id);
    if (ledger.deleted.has(id)) {
      if (row) lost.push(`deleted contact ${id} is back`);
    } else if (!row) {
      if (!ledger.pendingDeletes.has(id)) lost.push(`created contact ${id} (${acked}) is missing`);
    } else if (row.lastName !== acked && row.lastName !== pending) {
      lost.push(`contact ${id}: acknowledged ${acked}, found ${row.lastName}`);
    }
  }
  return lost;
}

/** A contact the API acknowledged and never deleted (the restarted API must serve it). */
export function acknowledgedContact(ledger: CrashLedger): number {
  return [...ledger.created.keys()].find((id) => !ledger.deleted.has(id)) ?? 1;
}
