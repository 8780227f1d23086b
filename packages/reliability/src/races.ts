import type { Connection, TimedOutcome } from "./connection.ts";
import { sleep } from "./tally.ts";

/**
 * One round of a write race: an attacker keeps requests going on several keep-alive connections
 * while a legitimate change (a demotion, a removal) is made; the round then says whether any
 * attacker request was in flight across the change (sent before it, answered after it was
 * answered: it spans the change's commit) and hands everything to the race's judge.
 */
export interface RaceDefinition {
  /** Brings the round's starting state about (through the API, as a user would); the attacker's connections. */
  setup(): Promise<Connection[]>;
  /** The attacker's next request on connection `lane`, iteration `iteration`. */
  attack(connection: Connection, lane: number, iteration: number): Promise<TimedOutcome>;
  /** The legitimate change; it must succeed. */
  change(): Promise<TimedOutcome>;
}

export interface RoundResult {
  change: TimedOutcome;
  attacks: TimedOutcome[];
  /** Some attacker request was sent before the change was sent and answered after it was answered. */
  overlapped: boolean;
}

export async function raceRound(definition: RaceDefinition): Promise<RoundResult> {
  const lanes = await definition.setup();
  const attacks: TimedOutcome[] = [];
  const completed = lanes.map(() => 0);
  const answeredAfterChange = lanes.map(() => false);
  let change: TimedOutcome | undefined;
  let stop = false;
  let onSent: (() => void) | undefined;
  const loops = lanes.map(async (lane, index) => {
    for (let iteration = 0; !stop; iteration++) {
      const pending = definition.attack(lane, index, iteration);
      onSent?.();
      const outcome = await pending;
      attacks.push(outcome);
      completed[index]!++;
      if (change && outcome.sentAt > change.receivedAt) answeredAfterChange[index] = true;
    }
  });
  try {
    // Every connection has answered once (sockets open, requests flowing); the change leaves
    // right behind the attacker's next request.
    while (completed.some((count) => count === 0)) await sleep(1);
    await new Promise<void>((resolve) => {
      onSent = resolve;
    });
    onSent = undefined;
    change = await definition.change();
    // Every request in flight at the change has been answered once each connection has been
    // answered a request sent after the change's answer.
    while (!answeredAfterChange.every(Boolean)) await sleep(1);
  } finally {
    stop = true;
    await Promise.all(loops);
  }
  const settled = change!;
  const overlapped = attacks.some((attack) => attack.sentAt < settled.sentAt && attack.receivedAt > settled.receivedAt);
  return { change: settled, attacks, overlapped };
}
