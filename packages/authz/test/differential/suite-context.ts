import type { PlanResourcesResponse } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, beforeAll } from "vitest";
import { hostilePrincipal, hostileResourceKind } from "../policies/hostile-principal.ts";
import type { DifferentialDatabase } from "./databases.ts";
import type { HostileDataset } from "./dataset.ts";
import { datasetSeed, generateDataset } from "./generators.ts";
import { hostileActions, hostilePoliciesDir, isRefusedAction } from "./hostile-actions.ts";
import { insertDataset } from "./insert-dataset.ts";
import { differingRows, type MappedResources, mappedDecisions, mapResources } from "./mapped-resources.ts";
import { defineHostileModels, type HostileModels } from "./models.ts";
import { type Decisions, decideWithCheckResources, runConcurrently } from "./oracle.ts";
import { type NullRepresentation, type OracleResource, oracleResource } from "./oracle-resource.ts";

/** At least 1,000 rows per dialect per run; AUTHZ_DIFF_ROWS may ask for more. */
export const rowCount = Math.max(1000, Number.parseInt(process.env.AUTHZ_DIFF_ROWS ?? "1000", 10));

/** The PDP evaluates rows × actions; on a loaded 2-core machine that can take minutes. */
const setupTimeoutMs = 300_000;

export interface OracleContext {
  dataset: HostileDataset;
  plans: Map<string, PlanResourcesResponse>;
  resources: Record<NullRepresentation, Map<string, OracleResource>>;
  decisions: Record<NullRepresentation, Decisions>;
}

export interface DialectSetup {
  label: string;
  open: () => Promise<DifferentialDatabase>;
  runs: boolean;
}

/** toCerbosResource's resources on one database, the rows where they differ from the builder's, and their decisions. */
export interface MappedContext {
  resources: MappedResources;
  differing: Record<NullRepresentation, string[]>;
  decisions: Record<NullRepresentation, Decisions>;
}

export interface SuiteContext {
  oracle(): OracleContext;
  models(label: string): HostileModels;
  mapped(label: string): MappedContext;
}

/**
 * Registers beforeAll/afterAll that start the suite's own PDP on the hostile policy, plan every
 * action, ask CheckResources about every generated row (once, for all dialects) and, at the
 * same time, insert the rows into each dialect's database.
 */
export function useSuiteContext(dialects: DialectSetup[], omittedActions: readonly string[]): SuiteContext {
  let pdp: Pdp | undefined;
  const databases: DifferentialDatabase[] = [];
  const models = new Map<string, HostileModels>();
  const mappedResources = new Map<string, MappedResources>();
  const mapped = new Map<string, MappedContext>();
  let oracle: OracleContext | undefined;

  beforeAll(async () => {
    const started = Date.now();
    const seed = datasetSeed();
    const dataset = generateDataset(seed, rowCount);
    console.log(`authz differential: seed ${seed} (AUTHZ_DIFF_SEED=${seed} reproduces), ${rowCount} rows per dialect`);
    const loadDatabase = async ({ label, open }: DialectSetup) => {
      const database = await open();
      databases.push(database);
      const defined = defineHostileModels(database.sequelize);
      await insertDataset(defined, dataset);
      models.set(label, defined);
      mappedResources.set(label, await mapResources(defined));
    };
    const decide = async () => {
      pdp = await startPdp({ policiesDir: hostilePoliciesDir, celErrorLogLevel: "none" });
      oracle = await decideEverything(new HTTP(pdp.httpUrl), dataset, omittedActions);
    };
    await Promise.all([decide(), ...dialects.filter((dialect) => dialect.runs).map(loadDatabase)]);
    const decided = oracle as OracleContext | undefined;
    if (decided && pdp) {
      const cerbos = new HTTP(pdp.httpUrl);
      for (const [label, resources] of mappedResources) {
        const differing = {
          explicit: differingRows(resources.explicit, decided.resources.explicit),
          omitted: differingRows(resources.omitted, decided.resources.omitted),
        };
        const decide = (representation: NullRepresentation, actions: readonly string[]) =>
          mappedDecisions(
            cerbos,
            hostilePrincipal,
            resources[representation],
            differing[representation],
            decided.decisions[representation],
            [...actions],
          );
        const explicitActions = [...decided.decisions.explicit.keys()];
        const decisions = {
          explicit: await decide("explicit", explicitActions),
          omitted: await decide("omitted", omittedActions),
        };
        mapped.set(label, { resources, differing, decisions });
      }
    }
    console.log(`authz differential: setup took ${Date.now() - started} ms`);
  }, setupTimeoutMs);

  afterAll(async () => {
    await Promise.all([...databases.map((database) => database.close()), pdp?.stop()]);
  });

  return {
    oracle() {
      if (!oracle) throw new Error("the differential suite's oracle setup did not complete");
      return oracle;
    },
    models(label) {
      const found = models.get(label);
      if (!found) throw new Error(`the ${label} database setup did not complete`);
      return found;
    },
    mapped(label) {
      const found = mapped.get(label);
      if (!found) throw new Error(`toCerbosResource on the ${label} database did not complete`);
      return found;
    },
  };
}

async function decideEverything(
  cerbos: HTTP,
  dataset: HostileDataset,
  omittedActions: readonly string[],
): Promise<OracleContext> {
  const actions = hostileActions();
  const resourcesFor = (representation: NullRepresentation) =>
    new Map(dataset.rows.map((row) => [row.id, oracleResource(dataset, row, representation)]));
  const resources = { explicit: resourcesFor("explicit"), omitted: resourcesFor("omitted") };
  const plans = new Map<string, PlanResourcesResponse>();
  await runConcurrently(
    actions.map((action) => async () => {
      const plan = await cerbos.planResources({
        principal: hostilePrincipal,
        resource: { kind: hostileResourceKind },
        action,
        includeMetadata: true,
      });
      plans.set(action, plan);
    }),
    4,
  );
  const decide = (representation: NullRepresentation, decided: readonly string[]) =>
    decideWithCheckResources(cerbos, hostilePrincipal, [...resources[representation].values()], [...decided]);
  const [explicit, omitted] = await Promise.all([
    decide(
      "explicit",
      actions.filter((action) => !isRefusedAction(action)),
    ),
    decide("omitted", omittedActions),
  ]);
  return { dataset, plans, resources, decisions: { explicit, omitted } };
}
