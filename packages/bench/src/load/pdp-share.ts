import type { Principal, Resource } from "@cerbos/core";
import { contactMapper, type Database, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import { queryPlanToSql, resourceInclude, toCerbosResource } from "@repo/authz";
import { QueryTypes } from "sequelize";
import { handWrittenWhere } from "../list/hand-sql.ts";
import { handPage } from "../list/operations.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, measure } from "../stats.ts";
import { cpuMs } from "./cpu.ts";
import type { Procedure } from "./section.ts";

const actions = ["read", "update", "delete"];

/** The rows of section 4b, in their order (sections.ts expects them). */
export const pdpShareRows = {
  plans: ["contacts.list", "3 × PlanResources in parallel (read, update, delete): the default"],
  floor: [
    "contacts.list",
    "its floor: the 3 × PlanResources above, then the hand-written page and count (section 2's hand SQL)",
  ],
  checkPage: ["contacts.list", "CheckResources(50 × 3 actions): what LIST_VERIFY=check adds"],
  flags: [
    "contacts.list",
    "the flags in SQL instead (update, delete over the 50 keys, timed as a statement of their own; the API evaluates them in its page load)",
  ],
  checkOne: ["contacts.get", "CheckResources(1 × 3 actions)"],
} as const;

/** `measure`, and the PDP's CPU per call over every call it made (warm-up included). */
async function measureWithCpu(pdpPid: number | undefined, call: () => Promise<unknown>, options: MeasureOptions) {
  const before = pdpPid === undefined ? 0 : cpuMs(pdpPid);
  const timing = await measure(call, options);
  const cpu = pdpPid === undefined ? "n/a" : round((cpuMs(pdpPid) - before) / (options.warmup + options.runs));
  return { timing, cpu };
}

/**
 * What contacts.list and contacts.get ask the PDP, timed alone from this process (sales user):
 * the list's three PlanResources in parallel (read and its flags update, delete; the default),
 * the CheckResources over the page that LIST_VERIFY=check adds (50 resources × 3 actions), the
 * flags' SQL that replaces it by default (one query over the page's keys), and contacts.get's
 * CheckResources (1 resource × 3 actions), and the list's floor (the plans, then the
 * hand-written page and count). PDP CPU per call from /proc (10 ms ticks, summed over every call).
 */
export async function runPdpShare(
  section: Section,
  db: Database,
  pdp: Pdp,
  pdpPid: number | undefined,
  principal: Principal,
  apiP50: Partial<Record<Procedure, number>>,
  options: MeasureOptions,
): Promise<void> {
  const { Contact } = db.models;
  const hand = handWrittenWhere(principal);
  const { ids } = await handPage(db, hand);
  const page = await Contact.findAll({ where: { id: ids }, include: resourceInclude(Contact, contactMapper) });
  const resources = page.map(
    (contact) => toCerbosResource(contact, { kind: "contact", mapper: contactMapper }) as Resource,
  );
  const planOne = (action: string) => pdp.planResources({ principal, resource: { kind: "contact" }, action });
  const plans = await measureWithCpu(pdpPid, () => Promise.all(actions.map(planOne)), options);
  const checkPage = await measureWithCpu(
    pdpPid,
    () => pdp.checkResources({ principal, resources: resources.map((resource) => ({ resource, actions })) }),
    options,
  );
  const checkOne = await measureWithCpu(
    pdpPid,
    () => pdp.checkResources({ principal, resources: [{ resource: resources[0]!, actions }] }),
    options,
  );
  // The list's floor: what no implementation can skip, the same plans, then the page and count by hand.
  const floor = await measureWithCpu(
    pdpPid,
    async () => {
      await Promise.all(actions.map(planOne));
      await handPage(db, hand);
    },
    options,
  );
  const flagSql = await flagStatement(db, principal, pdp, ids);
  const flags = await measure(() => db.sequelize.query(flagSql, { type: QueryTypes.SELECT }), options);
  const share = (pdpMs: number, procedure: Procedure) => {
    const p50 = apiP50[procedure];
    return p50 === undefined ? "no 1-connection p50" : `${Math.round((100 * pdpMs) / p50)}% of ${round(p50)} ms`;
  };
  section.set(pdpShareRows.plans, [
    figure(plans.timing),
    share(plans.timing.median, "contacts.list"),
    String(plans.cpu),
  ]);
  section.set(pdpShareRows.checkPage, [
    figure(checkPage.timing),
    share(checkPage.timing.median, "contacts.list"),
    String(checkPage.cpu),
  ]);
  section.set(pdpShareRows.flags, [
    figure(flags),
    `${share(flags.median, "contacts.list")}; ${round(checkPage.timing.median / flags.median)}× less than the CheckResources`,
    "0 (no PDP call)",
  ]);
  const listP50 = apiP50["contacts.list"];
  const floorMs = floor.timing.median;
  section.set(pdpShareRows.floor, [
    figure(floor.timing),
    listP50 === undefined
      ? "no 1-connection p50"
      : `the API's p50 at 1 connection is ${round(listP50 / floorMs)}× this floor (${round(listP50)} / ${round(floorMs)} ms; goal ≤ 1.3×)`,
    String(floor.cpu),
  ]);
  section.set(pdpShareRows.checkOne, [
    figure(checkOne.timing),
    share(checkOne.timing.median, "contacts.get"),
    String(checkOne.cpu),
  ]);
}

/** The one-call API's flag query for this page: each flag's plan in SQL, over the page's keys only. */
async function flagStatement(db: Database, principal: Principal, pdp: Pdp, ids: number[]): Promise<string> {
  const columns = await Promise.all(
    ["update", "delete"].map(async (action, index) => {
      const queryPlan = await pdp.planResources({ principal, resource: { kind: "contact" }, action });
      const sql = queryPlanToSql({ queryPlan, model: db.models.Contact, mapper: contactMapper });
      return `CASE WHEN ${sql} THEN 1 ELSE 0 END AS "authz_flag_${index}"`;
    }),
  );
  return `SELECT "Contact"."id", ${columns.join(", ")} FROM "contacts" AS "Contact" WHERE "Contact"."id" IN (${ids.join(", ")})`;
}
