import { describe, expect, it } from "vitest";
import { UnsupportedQueryPlanError } from "../../src/index.ts";
import { describeCollationTrap } from "./collation-trap.ts";
import { datasetCoverage } from "./coverage.ts";
import { allowedForEveryRow, deniedForEveryRow, refusalMessages } from "./expectations.ts";
import { hostileActions, hostileRules, isRefusedAction, readsNullableAttribute } from "./hostile-actions.ts";
import { hostileMapper } from "./hostile-mapper.ts";
import { describeMismatch } from "./mismatch-report.ts";
import type { NullRepresentation } from "./oracle-resource.ts";
import { decideWithSql } from "./sql-decisions.ts";
import { type DialectSetup, rowCount, type SuiteContext, useSuiteContext } from "./suite-context.ts";

const rules = hostileRules();
const actions = hostileActions();
const isExpectedRefusal = (action: string) => Object.hasOwn(refusalMessages, action);
const translatedActions = actions.filter((action) => !isExpectedRefusal(action));
const refusedActions = actions.filter(isExpectedRefusal);
/** Only these read an attribute that can be NULL: the others see the same resource either way. */
const omittedActions = translatedActions.filter((action) => readsNullableAttribute(action, rules));
const actionsFor: Record<NullRepresentation, readonly string[]> = {
  explicit: translatedActions,
  omitted: omittedActions,
};

/**
 * The proof of @repo/authz: for every action of the hostile policy, the rows the translated
 * filter returns are exactly the rows CheckResources allows, on every dialect, under both NULL
 * representations (omitted: for the actions that read a nullable attribute).
 */
export function describeDifferentialSuite(dialects: DialectSetup[]): void {
  const context = useSuiteContext(dialects, omittedActions);

  it("generates at least 1,000 rows with every trap the policy needs", () => {
    const { dataset } = context.oracle();
    expect(dataset.rows.length).toBeGreaterThanOrEqual(rowCount);
    const coverage = datasetCoverage(dataset);
    const missing = Object.entries(coverage).filter(([, count]) => count === 0);
    expect(missing, JSON.stringify(coverage)).toEqual([]);
  });

  it("expects every refused_* action to be refused, and names only actions the policy has", () => {
    expect(actions.filter(isRefusedAction).filter((action) => !isExpectedRefusal(action))).toEqual([]);
    expect(Object.keys(refusalMessages).filter((action) => !actions.includes(action))).toEqual([]);
  });

  for (const dialect of dialects) {
    describe.skipIf(!dialect.runs)(`queryPlanToSequelize agrees with CheckResources on ${dialect.label}`, () => {
      for (const representation of ["explicit", "omitted"] as const) {
        describe.concurrent(`NULLs ${representation}`, () => {
          it.for(actionsFor[representation])("%s", async (action, { expect }) => {
            const mismatch = await compareAction(context, dialect.label, action, representation);
            expect(mismatch, mismatch).toBeUndefined();
            assertNotVacuous(context, action, representation);
          });
        });
      }

      describe("toCerbosResource (the third way to build the resources)", () => {
        it.for(["explicit", "omitted"] as const)(
          "builds, for every row, the resource the independent builder sends (NULLs %s)",
          (representation, { expect }) => {
            const { differing, resources } = context.mapped(dialect.label);
            const shown = differing[representation].slice(0, 3).map((id) => ({
              id,
              toCerbosResource: resources[representation].get(id)?.attr,
              builder: context.oracle().resources[representation].get(id)?.attr,
            }));
            expect(shown).toEqual([]);
          },
        );
      });

      if (dialect.label === "MariaDB") describeCollationTrap(context, dialect.label, translatedActions);

      describe("refused shapes", () => {
        it.for(refusedActions)("%s", async (action, { expect }) => {
          const plan = context.oracle().plans.get(action);
          if (!plan) throw new Error(`no plan for ${action}`);
          const outcome = await decideWithSql(context.models(dialect.label).Item, plan, hostileMapper("explicit")).then(
            (sql) => `translated instead of refused: ${sql.statements[0] ?? sql.kind}`,
            (error: unknown) => error,
          );
          expect(outcome).toBeInstanceOf(UnsupportedQueryPlanError);
          expect({ action, message: (outcome as Error).message }).toEqual({ action, message: refusalMessages[action] });
        });
      });
    });
  }
}

async function compareAction(
  context: SuiteContext,
  dialect: string,
  action: string,
  representation: NullRepresentation,
): Promise<string | undefined> {
  const { plans, decisions, resources } = context.oracle();
  const plan = plans.get(action);
  const allowedByPdp = decisions[representation].get(action);
  if (!plan || !allowedByPdp) throw new Error(`no plan or no decisions for ${action}`);
  const sql = await decideWithSql(context.models(dialect).Item, plan, hostileMapper(representation));
  const mapped = context.mapped(dialect);
  const mismatch = describeMismatch({
    dialect,
    action,
    representation,
    plan,
    allowedByPdp,
    sql,
    resources: resources[representation],
  });
  if (mismatch !== undefined) return mismatch;
  // The same rows, decided on the resources toCerbosResource built from this database.
  const allowedForMapped = mapped.decisions[representation].get(action) ?? new Set<string>();
  const viaMapper = describeMismatch({
    dialect: `${dialect} (resources from toCerbosResource)`,
    action,
    representation,
    plan,
    allowedByPdp: allowedForMapped,
    sql,
    resources: mapped.resources[representation],
  });
  return viaMapper;
}

/** An action every row passes, or no row passes, proves nothing: fail it, unless CEL says so. */
function assertNotVacuous(context: SuiteContext, action: string, representation: NullRepresentation): void {
  const { decisions, dataset } = context.oracle();
  const allowed = decisions[representation].get(action)?.size ?? 0;
  if (deniedForEveryRow[representation].includes(action)) {
    expect(allowed, `CheckResources was expected to deny every row for ${action}`).toBe(0);
    return;
  }
  if (allowedForEveryRow[representation].includes(action)) {
    expect(allowed, `CheckResources was expected to allow every row for ${action}`).toBe(dataset.rows.length);
    return;
  }
  expect(allowed, `vacuous: CheckResources allows no row for ${action}`).toBeGreaterThan(0);
  expect(allowed, `vacuous: CheckResources allows every row for ${action}`).toBeLessThan(dataset.rows.length);
}
