// PENDING (not run: the vitest include pattern is *.test.ts). Rename to .test.ts to reproduce.
//
// A literal-list lambda over a principal list of 1,203 names,
//   P.attr.hugeNames.exists(n, R.attr.name.contains(n))
// plans as (exists [1,203 names] (lambda (contains request.resource.attr.name n) n)).
// queryPlanToSequelize unrolls it into one flat chain of 1,203 ORs, which SQLite parses as a
// tree deeper than its limit: findAll fails with "SQLITE_ERROR: Expression tree is too large
// (maximum depth 1000)" (PostgreSQL runs it). Nothing leaks (the query fails), but a list
// endpoint breaks for a principal with long lists. A balanced tree of ORs/ANDs (depth log2 n),
// or a VALUES table joined in an EXISTS, would keep the depth small.
// Once fixed: add the rule below to ../../policies/hostile.yaml as action
// literal_lambda_contains_huge, and the differential suite proves it on both dialects.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PlanKind, queryPlanToSequelize } from "../../../src/index.ts";
import { hostilePrincipal } from "../../policies/hostile-principal.ts";
import { type DifferentialDatabase, openSqlite } from "../databases.ts";
import { generateDataset } from "../generators.ts";
import { hostileMapper } from "../hostile-mapper.ts";
import { insertDataset } from "../insert-dataset.ts";
import { defineHostileModels, type HostileModels } from "../models.ts";

const policy = `apiVersion: api.cerbos.dev/v1
resourcePolicy:
  resource: hostile
  version: default
  rules:
    - actions: [literal_lambda_contains_huge]
      effect: EFFECT_ALLOW
      roles: [user]
      condition:
        match:
          expr: "P.attr.hugeNames.exists(n, R.attr.name.contains(n))"
`;

let policiesDir: string;
let pdp: Pdp;
let database: DifferentialDatabase;
let models: HostileModels;

beforeAll(async () => {
  policiesDir = mkdtempSync(join(tmpdir(), "authz-pending-"));
  writeFileSync(join(policiesDir, "hostile.yaml"), policy);
  [pdp, database] = await Promise.all([startPdp({ policiesDir }), openSqlite()]);
  models = defineHostileModels(database.sequelize);
  await insertDataset(models, generateDataset(20261125, 200));
});

afterAll(async () => {
  await Promise.all([pdp?.stop(), database?.close()]);
  rmSync(policiesDir, { recursive: true, force: true });
});

it("runs a literal-list lambda over 1,203 items on SQLite", async () => {
  const queryPlan = await new HTTP(pdp.httpUrl).planResources({
    principal: hostilePrincipal,
    resource: { kind: "hostile" },
    action: "literal_lambda_contains_huge",
  });
  const result = queryPlanToSequelize({ queryPlan, model: models.Item, mapper: hostileMapper("explicit") });
  if (result.kind !== PlanKind.CONDITIONAL) throw new Error(`unexpected plan kind ${result.kind}`);
  // Today: SQLITE_ERROR: Expression tree is too large (maximum depth 1000).
  await expect(models.Item.count({ where: result.where })).resolves.toBeGreaterThan(0);
});
