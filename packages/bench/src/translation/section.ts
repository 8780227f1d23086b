import {
  companyMapper,
  contactMapper,
  type Database,
  organizationMapper,
} from "@repo/api/unstable-internals-do-not-import";
import { queryPlanToSequelize } from "@repo/authz";
import { progress } from "../progress.ts";
import { figure, type Section } from "../report.ts";
import { ratioOf, summarize } from "../stats.ts";
import { loadRecordedPlans, type ProjectKind, type RecordedPlan } from "./plans.ts";
import { translateWithPrisma } from "./prisma-reference.ts";

export const translationColumns = ["plan kind", "@repo/authz µs", "orm-prisma 2.0.1 µs", "authz / prisma"];

export interface TranslationOptions {
  warmupRuns: number;
  runs: number;
  callsPerRun: number;
}

function ourTranslator(db: Database, kind: ProjectKind): (plan: RecordedPlan) => unknown {
  const { Contact, Company, Organization } = db.models;
  const targets = {
    contact: { model: Contact, mapper: contactMapper },
    company: { model: Company, mapper: companyMapper },
    organization: { model: Organization, mapper: organizationMapper },
  } as const;
  const { model, mapper } = targets[kind];
  return (plan) => queryPlanToSequelize({ queryPlan: plan.response, model, mapper });
}

/** Mean µs per call of each run; both translators alternate within a run, so ratios pair up. */
function timeBoth(ours: () => unknown, theirs: () => unknown, options: TranslationOptions) {
  const oursSamples: number[] = [];
  const theirsSamples: number[] = [];
  for (let run = 0; run < options.warmupRuns + options.runs; run++) {
    let started = performance.now();
    for (let i = 0; i < options.callsPerRun; i++) ours();
    const oursMicros = ((performance.now() - started) * 1000) / options.callsPerRun;
    started = performance.now();
    for (let i = 0; i < options.callsPerRun; i++) theirs();
    const theirsMicros = ((performance.now() - started) * 1000) / options.callsPerRun;
    if (run < options.warmupRuns) continue;
    oursSamples.push(oursMicros);
    theirsSamples.push(theirsMicros);
  }
  return { ours: oursSamples, theirs: theirsSamples };
}

export function runTranslationSection(section: Section, db: Database, options: TranslationOptions): void {
  progress(`translation: recorded plans, ${options.runs} runs × ${options.callsPerRun} calls each`);
  let plans: RecordedPlan[];
  try {
    plans = loadRecordedPlans();
  } catch (error) {
    section.fail(["recorded plans"], error);
    return;
  }
  for (const plan of plans) {
    const label = [plan.name];
    try {
      const ours = ourTranslator(db, plan.kind);
      const samples = timeBoth(
        () => ours(plan),
        () => translateWithPrisma(plan.kind, plan.response),
        options,
      );
      section.set(label, [
        plan.response.kind.replace("KIND_", ""),
        figure(summarize(samples.ours)),
        figure(summarize(samples.theirs)),
        `${figure(ratioOf(samples.ours, samples.theirs))}×`,
      ]);
    } catch (error) {
      section.fail(label, error);
    }
  }
}
