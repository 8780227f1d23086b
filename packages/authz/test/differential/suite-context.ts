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
import { defineHostileModels, type HostileModels } from "./models.ts";
import { type Decisions, decideWithCheckResources, runConcurrently } from "./oracle.ts";
import { type NullRepresentation, type OracleResource, oracleResource } from "./oracle-resource.ts";

export const representations: readonly NullRepresentation[] = ["explicit", "omitted"];

/** At least 1,000 rows per dialect per run; AUTHZ_DIFF_ROWS may ask for more. */
export const rowCount = Math.max(1000, Number.parseInt(process.env.AUTHZ_DIFF_ROWS ?? "1000", 10));

export interface SuiteContext {
  dataset: HostileDataset;
  models: HostileModels;
  plans: Map<string, PlanResourcesResponse>;
  resources: Record<NullRepresentation, Map<string, OracleResource>>;
  decisions: Record<NullRepresentation, Decisions>;
}

/**
 * Registers beforeAll/afterAll that start the suite's own PDP on the hostile policy, open the
 * database, insert the generated rows, plan every action and ask CheckResources about every row.
 * The returned getter is valid inside tests.
 */
export function useSuiteContext(label: string, open: () => Promise<DifferentialDatabase>): () => SuiteContext {
  let pdp: Pdp | undefined;
  let database: DifferentialDatabase | undefined;
  let context: SuiteContext | undefined;

  beforeAll(async () => {
    const started = Date.now();
    const seed = datasetSeed();
    const dataset = generateDataset(seed, rowCount);
    console.log(`authz differential on ${label}: seed ${seed} (AUTHZ_DIFF_SEED=${seed} reproduces), ${rowCount} rows`);
    [pdp, database] = await Promise.all([startPdp({ policiesDir: hostilePoliciesDir }), open()]);
    const cerbos = new HTTP(pdp.httpUrl);
    const models = defineHostileModels(database.sequelize);
    const actions = hostileActions();
    const checked = actions.filter((action) => !isRefusedAction(action));
    const resourcesFor = (representation: NullRepresentation) =>
      new Map(dataset.rows.map((row) => [row.id, oracleResource(dataset, row, representation)]));
    const resources = { explicit: resourcesFor("explicit"), omitted: resourcesFor("omitted") };
    const plans = new Map<string, PlanResourcesResponse>();
    const planAll = runConcurrently(
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
    const decide = (representation: NullRepresentation) =>
      decideWithCheckResources(cerbos, hostilePrincipal, [...resources[representation].values()], checked);
    const [, explicit, omitted] = await Promise.all([
      insertDataset(models, dataset).then(() => planAll),
      decide("explicit"),
      decide("omitted"),
    ]);
    context = { dataset, models, plans, resources, decisions: { explicit, omitted } };
    console.log(`authz differential on ${label}: setup took ${Date.now() - started} ms`);
  });

  afterAll(async () => {
    await Promise.all([database?.close(), pdp?.stop()]);
  });

  return () => {
    if (!context) throw new Error("the differential suite's setup did not complete");
    return context;
  };
}
