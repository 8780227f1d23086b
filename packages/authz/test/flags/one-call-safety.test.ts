import { HTTP } from "@cerbos/http";
import { freePort } from "@repo/pdp";
import { Op } from "sequelize";
import { describe, expect, test } from "vitest";
import {
  authorizedFindAndCountAll,
  type Disagreement,
  isCheckResourcesAnswerError,
  isUnsupportedQueryPlanError,
  UnsupportedQueryPlanError,
} from "../../src/index.ts";
import { principals, schemaBreakingId } from "./dataset.ts";
import { checkEveryRow, dialects, useFlagFixture } from "./fixture.ts";
import { documentMapper } from "./models.ts";
import { recordingClient, statementLog } from "./recorders.ts";

const fixture = useFlagFixture(150);
const { alice } = principals;
const notBogus = { status: { [Op.ne]: "bogus" } };

describe.each(dialects.filter((dialect) => dialect.runs))("fail closed and verify on $label", ({ label }) => {
  const Document = () => fixture.database(label).models.Document;
  const base = () => ({ cerbos: fixture.cerbos(), principal: alice, kind: "document", mapper: documentMapper });

  test("an untranslatable flag plan throws like the main plan, before any SQL", async () => {
    const log = statementLog();
    const flagged = authorizedFindAndCountAll(
      Document(),
      { ...base(), action: "read", flags: ["update", "refused_matches"] },
      { logging: log.logging },
    );
    await expect(flagged).rejects.toThrow(UnsupportedQueryPlanError);
    await expect(flagged).rejects.toMatchObject({ code: "ERR_UNSUPPORTED_QUERY_PLAN", operator: "matches" });
    const main = authorizedFindAndCountAll(
      Document(),
      { ...base(), action: "refused_matches" },
      { logging: log.logging },
    );
    await expect(main).rejects.toSatisfy(isUnsupportedQueryPlanError);
    expect(log.statements).toEqual([]);
  });

  test('untranslatableFlags: "check" decides such a flag with one batched CheckResources over the page', async () => {
    const { client, calls } = recordingClient(fixture.cerbos());
    const page = await authorizedFindAndCountAll(
      Document(),
      { ...base(), cerbos: client, action: "read", flags: ["refused_matches"], untranslatableFlags: "check" },
      { where: notBogus, order: [["id", "ASC"]], limit: 20 },
    );
    const oracle = await checkEveryRow(fixture.cerbos(), alice, fixture.rows, ["refused_matches"]);
    expect(page.can.map((can) => can.refused_matches)).toEqual(
      page.rows.map((row) => oracle.get(row.id)!.allowed.refused_matches),
    );
    expect(page.can.some((can) => can.refused_matches)).toBe(true);
    expect(calls.filter((call) => call.method === "check")).toEqual([
      { method: "check", actions: ["refused_matches"], resources: 20 },
    ]);
    expect(page.disagreements).toEqual([]);
  });

  test("a PDP that cannot be reached: the error propagates, no SQL runs", async () => {
    const log = statementLog();
    const down = new HTTP(`http://127.0.0.1:${await freePort()}`);
    const result = authorizedFindAndCountAll(
      Document(),
      { ...base(), cerbos: down, action: "read", flags: ["update"] },
      { logging: log.logging },
    );
    await expect(result).rejects.toThrow();
    expect(log.statements).toEqual([]);
  });

  test('verify: "check" withholds every row CheckResources denies and reports it (has() plans as true)', async () => {
    const { client, calls } = recordingClient(fixture.cerbos());
    const reported: Disagreement[] = [];
    const page = await authorizedFindAndCountAll(
      Document(),
      {
        ...base(),
        cerbos: client,
        action: "review",
        flags: ["comment"],
        verify: "check",
        maxResourcesPerCheck: 10,
        onDisagreement: (d) => reported.push(d),
      },
      { where: notBogus, order: [["id", "ASC"]], limit: 35 },
    );
    const planned = await authorizedFindAndCountAll(
      Document(),
      { ...base(), action: "review", flags: ["comment"] },
      { where: notBogus, order: [["id", "ASC"]], limit: 35 },
    );
    const withheld = planned.rows.filter((row) => row.reviewer === null).map((row) => row.id);
    expect(withheld.length).toBeGreaterThan(0);
    expect(page.rows.map((row) => row.id)).toEqual(
      planned.rows.filter((row) => row.reviewer !== null).map((r) => r.id),
    );
    expect(reported.filter((d) => d.outcome === "withheld").map((d) => d.id)).toEqual(withheld);
    // the stricter comment flag is corrected from the check on rows with a NULL score
    const oracle = await checkEveryRow(fixture.cerbos(), alice, fixture.rows, ["comment"]);
    expect(page.can.map((can) => can.comment)).toEqual(page.rows.map((row) => oracle.get(row.id)!.allowed.comment));
    expect(reported.filter((d) => d.outcome === "flag").every((d) => d.action === "comment" && d.checked)).toBe(true);
    expect(page.disagreements).toEqual(reported);
    // 35 rows, at most 10 per request: 4 CheckResources, every one with both actions
    const checks = calls.filter((call) => call.method === "check");
    expect(checks.map((call) => call.resources)).toEqual([10, 10, 10, 5]);
    expect(checks.every((call) => call.actions.join() === "review,comment")).toBe(true);
    expect(page.checkCallIds).toHaveLength(4);
  });

  test("known wider case pinned: a row that breaks the schema is listed; verify refuses the whole page", async () => {
    const query = { where: { id: { [Op.lte]: 3 } }, order: [["id", "ASC"]] as [string, string][] };
    const listed = await authorizedFindAndCountAll(Document(), { ...base(), action: "read" }, query);
    expect(listed.rows.map((row) => row.id)).toContain(schemaBreakingId);
    const oracle = await checkEveryRow(fixture.cerbos(), alice, fixture.rows.slice(0, 1), ["read"]);
    expect(oracle.get(schemaBreakingId)).toMatchObject({ allowed: { read: false } });
    expect(oracle.get(schemaBreakingId)!.validationErrors).toBeGreaterThan(0);
    const verified = authorizedFindAndCountAll(Document(), { ...base(), action: "read", verify: "check" }, query);
    await expect(verified).rejects.toSatisfy(isCheckResourcesAnswerError);
    await expect(verified).rejects.toThrow(/rejected the attributes of document 1/);
  });
});
