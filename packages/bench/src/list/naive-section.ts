import type { Principal } from "@cerbos/core";
import type { Database, Pdp } from "@repo/api/unstable-internals-do-not-import";
import { progress } from "../progress.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, measureParts, ratioOf, summarize, sumOf } from "../stats.ts";
import { naiveList } from "./naive.ts";
import { describeOutcome, planContactRead, sameOutcome, sequelizePage, translate } from "./operations.ts";

/** Naive list vs the whole adapter list (a+b+c), paired run by run, for one user. */
export async function runNaiveSection(
  section: Section,
  contacts: number,
  targetContacts: number,
  db: Database,
  pdp: Pdp,
  principal: Principal,
  options: MeasureOptions,
): Promise<void> {
  const size = contacts.toLocaleString("en-US");
  const label = [size, "sales", "measured"];
  progress(`naive load-and-check list at ${size} contacts (${options.warmup + options.runs} runs)`);
  try {
    const samples = await measureParts(
      ["plan", "translate", "db", "naive"],
      async (lap) => {
        const plan = await planContactRead(pdp, principal);
        lap("plan");
        const filter = translate(db, plan);
        lap("translate");
        const adapter = await sequelizePage(db, filter);
        lap("db");
        const naive = await naiveList(db, pdp, principal);
        lap("naive");
        if (!sameOutcome(adapter, naive)) {
          throw new Error(`naive list disagrees: ${describeOutcome(naive)} vs adapter ${describeOutcome(adapter)}`);
        }
      },
      options,
    );
    const adapter = sumOf(samples.plan, samples.translate, samples.db);
    const naive = summarize(samples.naive);
    section.set(label, [figure(naive), figure(summarize(adapter)), `${figure(ratioOf(samples.naive, adapter))}×`]);
    if (targetContacts !== contacts) {
      const factor = targetContacts / contacts;
      section.set(
        [
          targetContacts.toLocaleString("en-US"),
          "sales",
          `EXTRAPOLATED ×${round(factor)} from ${size} (quick mode; linear)`,
        ],
        [`~${round(naive.median * factor)}`, "not measured", "see the full run"],
      );
    }
  } catch (error) {
    section.fail(label, error);
  }
}
