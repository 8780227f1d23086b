import type { SqlReader } from "@repo/testing";
import { type ContactsApi, idOf, pageOf } from "../contacts-api.ts";
import { checkServed } from "../leak-check.ts";
import type { Oracle, ServedContact } from "../oracle.ts";
import type { RawOutcome } from "../raw-trpc.ts";
import { pick, Tally } from "../tally.ts";
import { companiesOf, type LoadClient } from "./clients.ts";

export const sortFields = ["lastName", "firstName", "createdAt", "updatedAt", "company"] as const;

/** What a load run knows: every outcome, every acknowledged write, and writes whose outcome is unknown. */
export class LoadState {
  readonly tally = new Tally();
  readonly leaks: string[] = [];
  /** Per contact: the name of its last acknowledged write. */
  readonly lastName = new Map<number, string>();
  /** Per contact: names of writes in flight when a fault cut them off (they may or may not have been made). */
  readonly unknownNames = new Map<number, Set<string>>();
  readonly deleted = new Set<number>();
  readonly unknownDeletes = new Set<number>();
  sequence = 0;
  rowsChecked = 0;
  raced = 0;
  apiMs = 0;
  oracleMs = 0;
  /** The scenario's current phase (named in error samples, so an error can be placed). */
  phase = "";
  /** Latency of each request of the current phase (ms). */
  latencies: number[] = [];
  constructor(readonly knownIds: number[]) {}
}

export interface StepDeps {
  api: ContactsApi;
  db: SqlReader;
  oracle: Oracle;
  state: LoadState;
  /** True while a deliberate fault is under way: a clean failure (no data) then counts as refused-by-fault. */
  faultActive: () => boolean;
}

type Outcome = RawOutcome | { thrown: string };

/** "OK", an expected refusal, a clean failure during a fault, or an error. */
function record(deps: StepDeps, what: string, outcome: Outcome): "ok" | "refused" | "fault" | "error" {
  const { tally } = deps.state;
  tally.add("requests");
  const code =
    "thrown" in outcome
      ? "connection error"
      : (outcome.code ?? (outcome.status >= 400 ? `HTTP ${outcome.status}` : "OK"));
  if (code === "OK") {
    tally.add("served");
    return "ok";
  }
  // CONFLICT: the contact changed between the API's check and its write; the write was not made.
  const expected =
    code === "FORBIDDEN" || code === "NOT_FOUND" || (code === "CONFLICT" && (what === "update" || what === "delete"));
  if (expected) {
    tally.add("refused");
    if (code === "CONFLICT") tally.add("conflicts");
    return "refused";
  }
  const clean = code === "SERVICE_UNAVAILABLE" || code === "connection error" || /^HTTP 50[234]$/.test(code);
  if (clean && deps.faultActive()) {
    tally.add("refused during faults");
    tally.add(`fault ${code}`);
    return "fault";
  }
  tally.add("errors");
  const detail = "thrown" in outcome ? outcome.thrown : JSON.stringify(outcome.body).slice(0, 300);
  tally.add(`error ${what} ${code}`, deps.state.phase ? `[${deps.state.phase}] ${detail}` : detail);
  return "error";
}

async function timed(deps: StepDeps, call: () => Promise<RawOutcome>): Promise<Outcome> {
  const started = performance.now();
  try {
    return await call();
  } catch (error) {
    return { thrown: error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error) };
  } finally {
    const ms = performance.now() - started;
    deps.state.apiMs += ms;
    deps.state.latencies.push(ms);
  }
}

/** Checks what `served` showed; a leak names the request that showed it (`how`). */
async function verifyServed(deps: StepDeps, client: LoadClient, items: ServedContact[], how: string): Promise<void> {
  const started = performance.now();
  const report = await checkServed(deps.db, deps.oracle, client.principal, items);
  deps.state.oracleMs += performance.now() - started;
  deps.state.rowsChecked += report.checked;
  deps.state.raced += report.raced;
  deps.state.leaks.push(...report.leaks.map((leak) => `${leak} by ${how}`));
}

const data = (outcome: Outcome) => outcome as RawOutcome;

/** One random action of a client: list pages, get, create, update (its own or another's), delete. */
export async function step(deps: StepDeps, client: LoadClient): Promise<void> {
  const { api, state } = deps;
  const { random, token } = client;
  const roll = random();
  if (roll < 0.45) {
    const input: Record<string, unknown> = {
      limit: pick(random, [5, 20, 50]),
      sortBy: pick(random, sortFields),
      sortDir: pick(random, ["asc", "desc"]),
    };
    if (random() < 0.3) input.search = pick(random, ["a", "e", "seed", "load", "Ö", "%"]);
    if (random() < 0.2) input.isActive = random() < 0.5;
    if (random() < 0.2) input.tag = pick(random, ["public", "vip"]);
    if (random() < 0.2) input.organizationId = pick(random, [1, 2]);
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const outcome = await timed(deps, () => api.list(token, cursor ? { ...input, cursor } : input));
      if (record(deps, "list", outcome) !== "ok") return;
      const page$ = pageOf(data(outcome));
      const how = `contacts.list ${JSON.stringify(cursor ? { ...input, page } : input)}`;
      await verifyServed(deps, client, page$.items as unknown as ServedContact[], how);
      for (const item of page$.items) if (state.knownIds.length < 5000) state.knownIds.push(item.id);
      cursor = page$.nextCursor;
      if (!cursor || random() < 0.5) return;
    }
  } else if (roll < 0.65) {
    const outcome = await timed(deps, () => api.get(token, pick(random, state.knownIds)));
    if (record(deps, "get", outcome) === "ok") {
      await verifyServed(deps, client, [data(outcome).data as ServedContact], "contacts.get");
    }
  } else if (roll < 0.8) {
    const organizationId = random() < 0.9 && client.orgs.length > 0 ? pick(random, client.orgs) : pick(random, [1, 2]);
    const name = `${client.user}-${state.sequence++}`;
    const outcome = await timed(deps, () =>
      api.create(token, {
        organizationId,
        firstName: "Load",
        lastName: name,
        companyId: random() < 0.5 ? null : pick(random, companiesOf[organizationId] ?? []),
        isActive: random() < 0.7,
        marketingOptIn: random() < 0.5,
        tags: random() < 0.2 ? ["public"] : [],
      }),
    );
    // A create cut off by a fault may exist unacknowledged: nobody relies on it.
    if (record(deps, "create", outcome) === "ok") {
      const id = idOf(data(outcome));
      state.lastName.set(id, name);
      client.mine.push(id);
      state.knownIds.push(id);
    }
  } else if (roll < 0.92) {
    if (client.mine.length > 0 && random() < 0.7) {
      const id = pick(random, client.mine);
      const name = `${client.user}-${state.sequence++}-renamed`;
      const verdict = record(
        deps,
        "update",
        await timed(deps, () => api.update(token, id, { lastName: name, isActive: random() < 0.7 })),
      );
      if (verdict === "ok") {
        state.lastName.set(id, name);
        state.unknownNames.delete(id);
      } else if (verdict === "fault") {
        state.unknownNames.set(id, new Set([...(state.unknownNames.get(id) ?? []), name]));
      }
    } else {
      // Someone else's contact: allowed for admins and owners, refused otherwise; never renames.
      record(
        deps,
        "update",
        await timed(deps, () => api.update(token, pick(random, state.knownIds), { marketingOptIn: random() < 0.5 })),
      );
    }
  } else {
    const own = client.mine.length > 0 && random() < 0.6;
    const id = own ? pick(random, client.mine) : pick(random, state.knownIds);
    const verdict = record(deps, "delete", await timed(deps, () => api.remove(token, id)));
    if (verdict === "ok") state.deleted.add(id);
    if (verdict === "fault" && state.lastName.has(id)) state.unknownDeletes.add(id);
    if (own) client.mine.splice(client.mine.indexOf(id), 1);
  }
}
