import type { Principal, Resource } from "@cerbos/core";
import { contactMapper, type Database, type Pdp } from "@repo/api/unstable-internals-do-not-import";
import { resourceInclude, toCerbosResource } from "@repo/authz";
import { handWrittenWhere } from "../list/hand-sql.ts";
import { handPage } from "../list/operations.ts";
import { figure, round, type Section } from "../report.ts";
import { type MeasureOptions, measure } from "../stats.ts";
import type { Procedure } from "./section.ts";

const actions = ["read", "update", "delete"];

/**
 * The PDP calls each procedure makes, timed alone from this process: contacts.list makes one
 * PlanResources and one CheckResources over the page (50 resources × 3 actions); contacts.get
 * one CheckResources (1 resource × 3 actions).
 */
export async function runPdpShare(
  section: Section,
  db: Database,
  pdp: Pdp,
  principal: Principal,
  apiP50: Partial<Record<Procedure, number>>,
  options: MeasureOptions,
): Promise<void> {
  const { Contact } = db.models;
  const { ids } = await handPage(db, handWrittenWhere(principal));
  const page = await Contact.findAll({ where: { id: ids }, include: resourceInclude(Contact, contactMapper) });
  const resources = page.map(
    (contact) => toCerbosResource(contact, { kind: "contact", mapper: contactMapper }) as Resource,
  );
  const plan = await measure(
    () => pdp.planResources({ principal, resource: { kind: "contact" }, action: "read" }),
    options,
  );
  const checkPage = await measure(
    () => pdp.checkResources({ principal, resources: resources.map((resource) => ({ resource, actions })) }),
    options,
  );
  const checkOne = await measure(
    () => pdp.checkResources({ principal, resources: [{ resource: resources[0]!, actions }] }),
    options,
  );
  const share = (pdpMs: number, procedure: Procedure) => {
    const p50 = apiP50[procedure];
    return p50 === undefined ? "no 1-connection p50" : `${Math.round((100 * pdpMs) / p50)}% of ${round(p50)} ms`;
  };
  section.set(
    ["contacts.list", "PlanResources + CheckResources(50 × 3 actions)"],
    [`${figure(plan)} + ${figure(checkPage)}`, share(plan.median + checkPage.median, "contacts.list")],
  );
  section.set(
    ["contacts.get", "CheckResources(1 × 3 actions)"],
    [figure(checkOne), share(checkOne.median, "contacts.get")],
  );
}
