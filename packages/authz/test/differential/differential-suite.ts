import { describe, expect, it } from "vitest";
import { UnsupportedQueryPlanError } from "../../src/index.ts";
import { datasetCoverage } from "./coverage.ts";
import type { DifferentialDatabase } from "./databases.ts";
import { deniedForEveryRow, refusalMessages } from "./expectations.ts";
import { hostileActions, isRefusedAction } from "./hostile-actions.ts";
import { hostileMapper } from "./hostile-mapper.ts";
import { describeMismatch } from "./mismatch-report.ts";
import { decideWithSql } from "./sql-decisions.ts";
import { representations, rowCount, useSuiteContext } from "./suite-context.ts";

const actions = hostileActions();
const translatedActions = actions.filter((action) => !isRefusedAction(action));
const refusedActions = actions.filter(isRefusedAction);

/**
 * The proof of @repo/authz: for every action of the hostile policy, the rows the translated
 * filter returns are exactly the rows CheckResources allows, under both NULL representations.
 */
export function describeDifferentialSuite(
  dialect: string,
  open: () => Promise<DifferentialDatabase>,
  runs = true,
): void {
  describe.skipIf(!runs)(`queryPlanToSequelize agrees with CheckResources on ${dialect}`, () => {
    const context = useSuiteContext(dialect, open);

    it(`generates at least 1,000 rows with every trap the policy needs`, () => {
      const { dataset } = context();
      expect(dataset.rows.length).toBeGreaterThanOrEqual(rowCount);
      const coverage = datasetCoverage(dataset);
      const missing = Object.entries(coverage).filter(([, count]) => count === 0);
      expect(missing, JSON.stringify(coverage)).toEqual([]);
    });

    for (const representation of representations) {
      describe.concurrent(`NULLs ${representation}`, () => {
        it.for(translatedActions)("%s", async (action, { expect }) => {
          const { models, plans, decisions, resources, dataset } = context();
          const plan = plans.get(action);
          const allowedByPdp = decisions[representation].get(action);
          if (!plan || !allowedByPdp) throw new Error(`no plan or no decisions for ${action}`);
          const sql = await decideWithSql(models.Item, plan, hostileMapper(representation));
          const mismatch = describeMismatch({
            dialect,
            action,
            representation,
            plan,
            allowedByPdp,
            sql,
            resources: resources[representation],
          });
          expect(mismatch, mismatch).toBeUndefined();
          if (deniedForEveryRow[representation].includes(action)) {
            expect(allowedByPdp.size, "CheckResources was expected to deny every row").toBe(0);
          } else {
            expect(allowedByPdp.size, `vacuous: CheckResources allows no row for ${action}`).toBeGreaterThan(0);
            expect(allowedByPdp.size, `vacuous: CheckResources allows every row for ${action}`).toBeLessThan(
              dataset.rows.length,
            );
          }
        });
      });
    }

    describe("refused shapes", () => {
      it.for(refusedActions)("%s", async (action, { expect }) => {
        const { models, plans } = context();
        const plan = plans.get(action);
        if (!plan) throw new Error(`no plan for ${action}`);
        const outcome = await decideWithSql(models.Item, plan, hostileMapper("explicit")).then(
          (sql) => `translated instead of refused: ${sql.statements[0] ?? sql.kind}`,
          (error: unknown) => error,
        );
        expect(outcome).toBeInstanceOf(UnsupportedQueryPlanError);
        expect((outcome as Error).message).toBe(refusalMessages[action]);
      });
    });
  });
}
