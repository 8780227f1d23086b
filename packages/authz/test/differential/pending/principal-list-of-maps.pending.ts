// PENDING (not run: the vitest include pattern is *.test.ts). Rename to .test.ts to reproduce.
//
// A principal attribute that is a list of more than 10 maps (hostilePrincipal.attr.grants) reaches
// the plan as an expression, not as a constant: `(exists (list (struct (set-field "min" 0)
// (set-field "name" "Alpha")) …) (lambda (and (eq g.name request.resource.attr.name) (le g.min
// request.resource.attr.amount)) g))`. queryPlanToSequelize refuses it today ('operator "list" at
// "-": a list built at evaluation time cannot be translated'), although every item is a constant
// and the lambda can be unrolled like any literal list (an item without `min` makes `g.min` an
// evaluation error for that item only). Once translated, delete principal_maps_exists and
// principal_maps_all from refusalMessages in ../expectations.ts: the differential suite then
// proves them against CheckResources on both dialects.
import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { queryPlanToSequelize } from "../../../src/index.ts";
import { hostilePrincipal, hostileResourceKind } from "../../policies/hostile-principal.ts";
import { type DifferentialDatabase, openSqlite } from "../databases.ts";
import { hostilePoliciesDir } from "../hostile-actions.ts";
import { hostileMapper } from "../hostile-mapper.ts";
import { defineHostileModels } from "../models.ts";

let pdp: Pdp;
let database: DifferentialDatabase;

beforeAll(async () => {
  [pdp, database] = await Promise.all([startPdp({ policiesDir: hostilePoliciesDir }), openSqlite()]);
});

afterAll(async () => {
  await Promise.all([pdp?.stop(), database?.close()]);
});

it.for(["principal_maps_exists", "principal_maps_all"])("translates %s", async (action) => {
  const queryPlan = await new HTTP(pdp.httpUrl).planResources({
    principal: hostilePrincipal,
    resource: { kind: hostileResourceKind },
    action,
  });
  const { Item } = defineHostileModels(database.sequelize);
  expect(() => queryPlanToSequelize({ queryPlan, model: Item, mapper: hostileMapper("explicit") })).not.toThrow();
});
