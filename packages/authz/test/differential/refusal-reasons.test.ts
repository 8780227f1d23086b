import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordedPlan } from "../fixtures/plans.ts";
import { hostilePrincipal } from "../policies/hostile-principal.ts";
import { openSqlite } from "./databases.ts";
import type { HostileDataset, HostileRow } from "./dataset.ts";
import { hostilePoliciesDir } from "./hostile-actions.ts";
import { decideWithCheckResources } from "./oracle.ts";
import { oracleResource } from "./oracle-resource.ts";
import { people } from "./pools.ts";

// Why each remaining refusal is a refusal: the plan does not determine the answer (two policies
// plan alike and CheckResources decides differently), or the database holds less than CEL reads.

const base: HostileRow = {
  id: "r9100",
  name: "Alpha",
  nickname: null,
  amount: 0,
  score: 0,
  active: false,
  flagged: null,
  createdAt: new Date("2024-03-01T00:00:00.000Z"),
  ratio: 5,
  weight: 1,
  path: "a:::b",
  ownerIndex: null,
  detail: null,
  labels: [],
  tags: [],
  contacts: [],
};

let pdp: Pdp;
let cerbos: HTTP;
beforeAll(async () => {
  pdp = await startPdp({ policiesDir: hostilePoliciesDir, celErrorLogLevel: "none" });
  cerbos = new HTTP(pdp.httpUrl);
});
afterAll(async () => {
  await pdp?.stop();
});

async function allowed(row: Partial<HostileRow>, action: string): Promise<boolean> {
  const full = { ...base, ...row };
  const dataset: HostileDataset = { seed: 0, people, tagNames: [], rows: [full] };
  const decisions = await decideWithCheckResources(
    cerbos,
    hostilePrincipal,
    [oracleResource(dataset, full, "explicit")],
    [action],
  );
  return decisions.get(action)?.has(full.id) ?? false;
}

const condition = (action: string) => {
  const plan = recordedPlan(`hostile.${action}.hostile`);
  return "condition" in plan ? plan.condition : plan.kind;
};

describe("an integral constant's type is not in the plan", () => {
  // [integral literal, fractional literal (2.0), a row]: same plan, CEL errs on int + double only.
  const twins: [string, string, Partial<HostileRow>][] = [
    ["add_int_const", "add_double_const", { ratio: 5 }],
    ["add_gt_int", "add_gt", { amount: 200 }],
    ["sub_lt_int", "sub_lt", { amount: -10 }],
    ["mult_gt_int", "mult_gt", { amount: 600 }],
    ["add_overflow_int", "add_overflow", { amount: 0 }],
    ["div_int_const", "div_gt", { amount: 9 }],
    ["ternary_int_branch_arith", "ternary_double_branch_arith", { active: false }],
  ];
  it.for(twins)("%s and %s plan alike but check differently", async ([integral, fractional, row]) => {
    expect(condition(integral)).toEqual(condition(fractional));
    expect(await allowed(row, integral)).toBe(false);
    expect(await allowed(row, fractional)).toBe(true);
  });
});

describe("element order, which a table does not store", () => {
  it.for([
    ["refused_index", { labels: ["urgent", "x"] }, { labels: ["x", "urgent"] }],
    ["refused_list_eq_two", { labels: ["urgent", "x"] }, { labels: ["x", "urgent"] }],
    [
      "refused_get_field",
      {
        contacts: [
          { email: "a@example.com", primary: true, personIndex: null, phones: [] },
          { email: "b", primary: true, personIndex: null, phones: [] },
        ],
      },
      {
        contacts: [
          { email: "b", primary: true, personIndex: null, phones: [] },
          { email: "a@example.com", primary: true, personIndex: null, phones: [] },
        ],
      },
    ],
  ] as [string, Partial<HostileRow>, Partial<HostileRow>][])(
    "%s decides differently for the same rows in another order",
    async ([action, first, second]) => {
      expect(await allowed(first, action)).toBe(true);
      expect(await allowed(second, action)).toBe(false);
    },
  );
});

describe("what SQL cannot reproduce", () => {
  it('string() of a double: CEL prints 100.0 as "100", SQLite\'s cast as "100.0"', async () => {
    expect(await allowed({ amount: 100 }, "refused_string_conversion")).toBe(true);
    const sqlite = await openSqlite();
    try {
      const [[row]] = (await sqlite.sequelize.query("SELECT CAST(CAST(100 AS REAL) AS TEXT) AS text")) as [
        [{ text: string }],
        unknown,
      ];
      expect(row.text).toBe("100.0");
    } finally {
      await sqlite.close();
    }
  });

  it("matches(): SQLite has no regular expressions at all", async () => {
    expect(await allowed({ name: "Alpha" }, "refused_matches")).toBe(true);
    const sqlite = await openSqlite();
    try {
      await expect(sqlite.sequelize.query("SELECT 'Alpha' REGEXP '^A.*'")).rejects.toThrow(/no such function: REGEXP/);
    } finally {
      await sqlite.close();
    }
  });

  it("a multi-character delimiter overlaps itself: segments are not substrings", async () => {
    // Go splits "a:::b" by "::" into [a, :b], which does not descend from [a:] …
    expect(await allowed({ path: "a:::b" }, "refused_h_multichar_overlap")).toBe(false);
    // … though the text starts with "a:" + "::", the test a one-character delimiter allows.
    expect("a:::b".startsWith("a:" + "::")).toBe(true);
  });
});
