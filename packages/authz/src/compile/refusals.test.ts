import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ContactModels,
  contactMapper,
  extendedContactMapper,
  seededContacts,
} from "../../test/fixtures/contacts.ts";
import { type Mapper, queryPlanToSql, UnsupportedQueryPlanError } from "../index.ts";

let db: ContactModels;
beforeAll(async () => {
  db = await seededContacts();
});
afterAll(() => db.sequelize.close());

const v = (name: string) => ({ name });
const c = (value: unknown) => ({ value });
const op = (operator: string, ...operands: unknown[]) => ({ operator, operands });
const attr = (name: string) => v(`request.resource.attr.${name}`);

/** Small synthetic conditions for shapes the planner emits rarely; everything else uses recorded plans. */
function translate(condition: unknown, mapper: Mapper = extendedContactMapper): string {
  const queryPlan = { kind: "KIND_CONDITIONAL", condition, validationErrors: [] };
  return queryPlanToSql({ queryPlan, model: db.Contact, mapper });
}

const cases: [string, unknown][] = [
  ["an unknown operator", op("inIPAddrRange", attr("ownerId"), c("10.0.0.0/8"))],
  ["a filter used as a condition", op("filter", attr("tags"), op("lambda", op("eq", v("t"), c("x")), v("t")))],
  ["an attribute the mapper does not know", op("eq", attr("secret"), c(1))],
  ["a principal path", op("eq", v("request.principal.attr.x"), c(1))],
  [
    "timestamp() of a text column",
    op("lt", op("timestamp", attr("nickname")), op("timestamp", c("2024-01-01T00:00:00Z"))),
  ],
  [
    "a timestamp accessor with a time zone",
    op("eq", op("getFullYear", op("timestamp", attr("createdAt")), c("Europe/Paris")), c(2024)),
  ],
  [
    "int arithmetic that may overflow",
    op("gt", op("mult", op("int", attr("organizationId")), op("int", attr("organizationId"))), c(1)),
  ],
  ["a whole object element", op("exists", attr("notes"), op("lambda", op("eq", v("n"), c(1)), v("n")))],
  [
    "a field the element does not have",
    op("exists", attr("notes"), op("lambda", op("eq", v("n.secret"), c(1)), v("n"))),
  ],
  ["membership in a list of objects", op("in", c("x"), attr("notes"))],
  ["a non-boolean condition", attr("ownerId")],
];

function refusal(condition: unknown, mapper?: Mapper): string {
  try {
    return `translated: ${translate(condition, mapper)}`;
  } catch (error) {
    return error instanceof UnsupportedQueryPlanError ? error.message : `unexpected ${String(error)}`;
  }
}

describe("refusals name the operator, the path and the reason", () => {
  it("for each shape SQL cannot express exactly", () => {
    expect(Object.fromEntries(cases.map(([label, condition]) => [label, refusal(condition)]))).toMatchInlineSnapshot(`
      {
        "a field the element does not have": "Cannot translate Cerbos query plan: operator "attribute" at "request.resource.attr.notes.secret": no field "secret" on elements of request.resource.attr.notes",
        "a filter used as a condition": "Cannot translate Cerbos query plan: operator "filter" at "request.resource.attr.tags": a list (filter/map/collection) is not a condition",
        "a non-boolean condition": "Cannot translate Cerbos query plan: operator "variable" at "request.resource.attr.ownerId": the expression is not a boolean",
        "a principal path": "Cannot translate Cerbos query plan: operator "attribute" at "request.principal.attr.x": only request.resource.id and request.resource.attr.* can be mapped to columns",
        "a timestamp accessor with a time zone": "Cannot translate Cerbos query plan: operator "getFullYear" at "request.resource.attr.createdAt": a timestamp accessor with a time zone: the PDP's and the database's zone rules may differ",
        "a whole object element": "Cannot translate Cerbos query plan: operator "lambda" at "n": a whole object element cannot be compared in SQL",
        "an attribute the mapper does not know": "Cannot translate Cerbos query plan: operator "attribute" at "request.resource.attr.secret": the mapper has no entry for this attribute",
        "an unknown operator": "Cannot translate Cerbos query plan: operator "inIPAddrRange" at "request.resource.attr.ownerId": unknown operator: no exact SQL translation",
        "int arithmetic that may overflow": "Cannot translate Cerbos query plan: operator "mult" at "request.resource.attr.organizationId": int arithmetic that may overflow int64 (CEL's overflow error is not reproduced; int() values reach 2^63)",
        "membership in a list of objects": "Cannot translate Cerbos query plan: operator "in" at "request.resource.attr.notes": membership in a list of objects",
        "timestamp() of a text column": "Cannot translate Cerbos query plan: operator "timestamp" at "request.resource.attr.nickname": timestamp() of request.resource.attr.nickname, which is not a date column",
      }
    `);
  });

  it("two related rows compared as maps (relation entries serve only == null / != null)", () => {
    const mapper = {
      ...extendedContactMapper,
      "request.resource.attr.owner": { association: "owner" },
      "request.resource.attr.company": { association: "company" },
    };
    expect(refusal(op("eq", attr("owner"), attr("company")), mapper)).toMatchInlineSnapshot(
      `"Cannot translate Cerbos query plan: operator "eq" at "request.resource.attr.owner": comparing two related rows as maps has no SQL translation (only \`== null\` / \`!= null\`)"`,
    );
    expect(refusal(op("ne", attr("owner"), c(null)), mapper)).toMatch(/^translated: .*EXISTS/);
  });

  it("an association the model does not define", () => {
    const mapper = { "request.resource.attr.x": { association: "nope", column: "id" } };
    expect(() => translate(op("eq", attr("x"), c(1)), mapper)).toThrowErrorMatchingInlineSnapshot(
      `[UnsupportedQueryPlanError: Cannot translate Cerbos query plan: operator "attribute" at "request.resource.attr.x": model Contact has no association "nope"]`,
    );
  });

  it("reads fields of a literal list of maps (a principal attribute the planner did not unroll)", async () => {
    const teams = Array.from({ length: 11 }, (_, i) => ({ owner: `user${i}`, org: i }));
    teams.push({ owner: "john", org: 1 });
    const lambda = op(
      "lambda",
      op("and", op("eq", v("t.owner"), attr("ownerId")), op("eq", v("t.org"), attr("organizationId"))),
      v("t"),
    );
    const sql = translate(op("exists", c(teams), lambda));
    const rows = await db.Contact.findAll({ where: db.sequelize.literal(sql), order: [["id", "ASC"]] });
    expect(rows.map((row) => row.get("id"))).toEqual([1, 2]);
    // A key the map lacks is a CEL error: that item never matches, under `not` either.
    const missing = op("exists", c(teams), op("lambda", op("not", op("eq", v("t.nope"), attr("ownerId"))), v("t")));
    expect(translate(missing)).toBe("(1=0)");
  });

  it("never refuses what the shipped contact mapper needs", () => {
    expect(translate(op("in", c("public"), attr("tags")), contactMapper)).toContain("EXISTS");
  });
});
