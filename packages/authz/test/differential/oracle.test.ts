import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostilePrincipal } from "../policies/hostile-principal.ts";
import type { HostileDataset, HostileRow } from "./dataset.ts";
import { generateDataset } from "./generators.ts";
import { hostileActions, hostilePoliciesDir } from "./hostile-actions.ts";
import { decideWithCheckResources } from "./oracle.ts";
import { type NullRepresentation, oracleResource } from "./oracle-resource.ts";
import { people } from "./pools.ts";

// The oracle is the live PDP. These cases pin the CheckResources semantics the differential
// suite relies on (and that a translator must reproduce), on hand-written rows.

const baseRow: HostileRow = {
  id: "r9001",
  name: "Alpha",
  nickname: null,
  amount: 100,
  score: 0,
  active: true,
  flagged: null,
  createdAt: new Date("2024-03-01T00:00:00.000Z"),
  ratio: 1,
  weight: 1,
  path: "a",
  ownerIndex: null,
  detail: null,
  labels: [],
  tags: [],
  contacts: [],
};

const dataset = (rows: HostileRow[]): HostileDataset => ({ seed: 0, people, tagNames: [], rows });

let pdp: Pdp;
let cerbos: HTTP;

beforeAll(async () => {
  pdp = await startPdp({ policiesDir: hostilePoliciesDir, celErrorLogLevel: "none" });
  cerbos = new HTTP(pdp.httpUrl);
});

afterAll(async () => {
  await pdp?.stop();
});

async function allowed(row: Partial<HostileRow>, action: string, representation: NullRepresentation) {
  const full = { ...baseRow, ...row };
  const resource = oracleResource(dataset([full]), full, representation);
  const decisions = await decideWithCheckResources(cerbos, hostilePrincipal, [resource], [action]);
  return decisions.get(action)?.has(full.id) ?? false;
}

describe("the CheckResources oracle", () => {
  it("builds resources straight from the data, with NULLs sent or left out", () => {
    const row = {
      ...baseRow,
      ownerIndex: 3,
      labels: ["u", null],
      contacts: [{ email: null, primary: true, personIndex: null, phones: ["+1", null] }],
    };
    expect(oracleResource(dataset([row]), row, "explicit")).toMatchInlineSnapshot(`
      {
        "attr": {
          "active": true,
          "amount": 100,
          "contacts": [
            {
              "email": null,
              "person": null,
              "phones": [
                "+1",
                null,
              ],
              "primary": true,
            },
          ],
          "createdAt": "2024-03-01T00:00:00.000Z",
          "detail": null,
          "flagged": null,
          "labels": [
            "u",
            null,
          ],
          "name": "Alpha",
          "nickname": null,
          "owner": {
            "department": null,
            "manager": {
              "department": "Marketing",
              "skills": [
                "sql",
              ],
            },
            "name": "Åsa",
            "skills": [
              "go",
              null,
            ],
          },
          "path": "a",
          "ratio": 1,
          "score": 0,
          "tags": [],
          "weight": 1,
        },
        "id": "r9001",
        "kind": "hostile",
      }
    `);
    expect(oracleResource(dataset([row]), row, "omitted").attr).not.toHaveProperty("nickname");
    expect(oracleResource(dataset([row]), row, "omitted").attr.owner).toEqual({
      name: "Åsa",
      skills: ["go", null],
      manager: { department: "Marketing", skills: ["sql"] },
    });
    const ownerless = { ...baseRow, ownerIndex: null };
    expect(oracleResource(dataset([ownerless]), ownerless, "explicit").attr.owner).toBeNull();
    expect(oracleResource(dataset([ownerless]), ownerless, "omitted").attr).not.toHaveProperty("owner");
  });

  it("compares numbers across CEL's int and double (attributes arrive as doubles)", async () => {
    expect(await allowed({ amount: 100 }, "num_eq", "explicit")).toBe(true);
    expect(await allowed({ amount: 9 }, "div_gt", "explicit")).toBe(true); // 9 / 4.0 = 2.25, not 2
    expect(await allowed({ amount: 5, score: 0 }, "div_by_column", "explicit")).toBe(true); // +Inf
    expect(await allowed({ ratio: 0, weight: 0 }, "div_nan_ne", "explicit")).toBe(true); // NaN != 0.5
    expect(await allowed({ ratio: 0, weight: 0 }, "not_div_lt", "explicit")).toBe(true); // !(NaN < 1.0)
    expect(await allowed({ ratio: 0, weight: 0 }, "div_self_eq", "explicit")).toBe(false); // NaN != NaN
    expect(await allowed({ ratio: 1, weight: 0 }, "div_self_eq", "explicit")).toBe(true); // +Inf == +Inf
    expect(await allowed({ ratio: 1, weight: 0 }, "div_neg_zero", "explicit")).toBe(true); // 1 / -0.0 = -Inf
    expect(await allowed({ ratio: 1e200, weight: 1e200 }, "mult_double_overflow", "explicit")).toBe(true); // +Inf
  });

  it("never allows a modulo on an attribute: CEL has no double modulo", async () => {
    expect(await allowed({ amount: 4 }, "mod_eq", "explicit")).toBe(false);
  });

  it("treats an explicit null like SQL IS NULL but an omitted attribute as an error, also under not", async () => {
    expect(await allowed({ nickname: null }, "null_str_not_eq", "explicit")).toBe(true);
    expect(await allowed({ nickname: null }, "null_str_not_eq", "omitted")).toBe(false);
    expect(await allowed({ nickname: null }, "null_str_is_null", "explicit")).toBe(true);
    expect(await allowed({ nickname: null }, "null_str_is_null", "omitted")).toBe(false);
    expect(await allowed({ nickname: null }, "not_contains_nullable", "explicit")).toBe(false);
  });

  it("short-circuits errors in both directions (false && error is false, true || error is true)", async () => {
    expect(await allowed({ nickname: null, active: false }, "not_and_nullable", "omitted")).toBe(true);
    expect(await allowed({ nickname: null, active: true }, "not_and_nullable", "omitted")).toBe(false);
    expect(await allowed({ nickname: null, active: true }, "or_nullable_first", "omitted")).toBe(true);
  });

  it("lets an error on a NULL element spoil a lambda unless another element decides it", async () => {
    expect(await allowed({ labels: [null, "urgent"] }, "labels_exists", "explicit")).toBe(true);
    expect(await allowed({ labels: [null] }, "labels_exists", "explicit")).toBe(false);
    expect(await allowed({ labels: [null] }, "not_labels_exists", "explicit")).toBe(false);
    expect(await allowed({ labels: [null, "x"] }, "labels_all_ne", "explicit")).toBe(true);
    expect(await allowed({ labels: [null, "x"] }, "labels_all_startswith", "explicit")).toBe(false);
    expect(await allowed({ labels: [] }, "labels_all_startswith", "explicit")).toBe(true);
  });

  it("treats a missing to-one row as absent: every access through it errs, under `!` too", async () => {
    for (const representation of ["explicit", "omitted"] as const) {
      for (const ownerIndex of [null, "dangling" as const]) {
        expect(await allowed({ ownerIndex }, "owner_department_is_null", representation)).toBe(false);
        expect(await allowed({ ownerIndex }, "owner_department_not_eq", representation)).toBe(false);
        expect(await allowed({ ownerIndex }, "owner_department_ne", representation)).toBe(false);
        expect(await allowed({ ownerIndex }, "owner_skills_size_zero", representation)).toBe(false);
        expect(await allowed({ ownerIndex }, "not_value_in_owner_skills", representation)).toBe(false);
      }
      expect(await allowed({ ownerIndex: 1 }, "owner_skills_size_zero", representation)).toBe(true);
      expect(await allowed({ detail: null }, "detail_notes_size_zero", representation)).toBe(false);
      expect(await allowed({ detail: null }, "not_detail_archived", representation)).toBe(false);
    }
    // `owner == null` holds only where the missing row is sent as null.
    expect(await allowed({ ownerIndex: null }, "owner_is_null", "explicit")).toBe(true);
    expect(await allowed({ ownerIndex: null }, "owner_is_null", "omitted")).toBe(false);
    expect(await allowed({ ownerIndex: 3 }, "owner_is_null", "explicit")).toBe(false);
    expect(await allowed({ ownerIndex: 3 }, "owner_department_is_null", "explicit")).toBe(true);
    expect(await allowed({ ownerIndex: 8 }, "owner_manager_is_null", "explicit")).toBe(true);
  });

  it("compares strings case-sensitively, in code-point order, with % _ \\ as literals", async () => {
    expect(await allowed({ name: "alpha" }, "str_eq", "explicit")).toBe(false);
    expect(await allowed({ name: "Zed" }, "str_lt", "explicit")).toBe(false);
    expect(await allowed({ name: "axb" }, "contains_underscore", "explicit")).toBe(false);
    expect(await allowed({ name: "50%\\" }, "endswith_percent_backslash", "explicit")).toBe(true);
    expect(await allowed({ name: "Alpha" }, "startswith_case", "explicit")).toBe(false);
  });
});

describe("the generated data set", () => {
  it("is reproducible from its seed", () => {
    expect(generateDataset(7, 50)).toEqual(generateDataset(7, 50));
    expect(generateDataset(7, 50)).not.toEqual(generateDataset(8, 50));
  });

  it("covers the policy: one rule per action, none forgotten", () => {
    expect(hostileActions().length).toBe(271);
  });
});
