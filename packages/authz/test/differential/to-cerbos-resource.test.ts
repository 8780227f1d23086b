import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceMappingError, resourceInclude, toCerbosResource } from "../../src/index.ts";
import { sameResource } from "./canonical.ts";
import { type DifferentialDatabase, openSqlite } from "./databases.ts";
import type { HostileRow } from "./dataset.ts";
import { hostileMapper } from "./hostile-mapper.ts";
import { insertDataset } from "./insert-dataset.ts";
import { defineHostileModels, type HostileModels } from "./models.ts";
import { type NullRepresentation, oracleResource } from "./oracle-resource.ts";
import { people, tagPool } from "./pools.ts";

// toCerbosResource pinned against hand-written resources. (The differential suite shows, for
// every generated row on both dialects, that it builds the independent builder's resource.)

const full: HostileRow = {
  id: "r0001",
  name: "100%_\\",
  nickname: "a",
  amount: -2147483648,
  score: 7,
  active: true,
  flagged: false,
  createdAt: new Date("2024-06-30T12:00:00.500Z"),
  ratio: 0.5,
  weight: Number.NaN,
  path: "a.b",
  ownerIndex: 0,
  detail: { title: "t", rank: null, archived: true, notes: ["x"] },
  labels: ["urgent"],
  tags: ["vip"],
  contacts: [{ email: "a@example.com", primary: true, personIndex: 2, phones: ["+1 555"] }],
};

const sparse: HostileRow = {
  id: "r0002",
  name: "",
  nickname: null,
  amount: 0,
  score: null,
  active: false,
  flagged: null,
  createdAt: new Date("2024-01-01T00:00:00.000Z"),
  ratio: null,
  weight: Number.POSITIVE_INFINITY,
  path: null,
  ownerIndex: null,
  detail: null,
  labels: [null],
  tags: [],
  contacts: [{ email: null, primary: false, personIndex: null, phones: [null] }],
};

const dangling: HostileRow = { ...sparse, id: "r0003", ownerIndex: "dangling", labels: [], contacts: [] };
const managerless: HostileRow = { ...sparse, id: "r0004", ownerIndex: 8, labels: [], contacts: [] };
const rows = [full, sparse, dangling, managerless];

let database: DifferentialDatabase;
let models: HostileModels;

beforeAll(async () => {
  database = await openSqlite();
  models = defineHostileModels(database.sequelize);
  await insertDataset(models, { seed: 0, people, tagNames: tagPool, rows });
});

afterAll(async () => {
  await database?.close();
});

async function resourceOf(id: string, representation: NullRepresentation) {
  const mapper = hostileMapper(representation);
  const instance = await models.Item.findByPk(id, { include: resourceInclude(models.Item, mapper) });
  if (!instance) throw new Error(`row ${id} not found`);
  return toCerbosResource(instance, { kind: "hostile", mapper });
}

describe("toCerbosResource with the hostile mapper", () => {
  it("sends every attribute, dates as RFC 3339, NaN as null, lists from the associations", async () => {
    expect(await resourceOf("r0001", "explicit")).toEqual({
      kind: "hostile",
      id: "r0001",
      attr: {
        name: "100%_\\",
        nickname: "a",
        amount: -2147483648,
        score: 7,
        active: true,
        flagged: false,
        createdAt: "2024-06-30T12:00:00.500Z",
        ratio: 0.5,
        weight: null,
        path: "a.b",
        owner: { name: "Ann", department: "Sales", skills: expect.arrayContaining(["sql", "go"]), manager: null },
        detail: { title: "t", rank: null, archived: true, notes: ["x"] },
        labels: ["urgent"],
        tags: ["vip"],
        contacts: [{ email: "a@example.com", primary: true, person: { department: "Marketing" }, phones: ["+1 555"] }],
      },
    });
  });

  it("sends a missing related row as null when explicit (a NULL key, a dangling key, a missing manager)", async () => {
    const sparseResource = await resourceOf("r0002", "explicit");
    expect(sparseResource.attr).toMatchObject({ owner: null, detail: null, weight: null, ratio: null });
    expect(sparseResource.attr.contacts).toEqual([{ email: null, primary: false, person: null, phones: [null] }]);
    expect((await resourceOf("r0003", "explicit")).attr.owner).toBeNull();
    expect((await resourceOf("r0004", "explicit")).attr.owner).toEqual({
      name: "Dan",
      department: "Sales",
      skills: ["go"],
      manager: null,
    });
  });

  it("leaves NULLs and missing rows out when omitted, and keeps an existing row's object", async () => {
    expect(await resourceOf("r0002", "omitted")).toEqual({
      kind: "hostile",
      id: "r0002",
      attr: {
        name: "",
        amount: 0,
        active: false,
        createdAt: "2024-01-01T00:00:00.000Z",
        labels: [null],
        tags: [],
        contacts: [{ primary: false, phones: [null] }],
      },
    });
    expect((await resourceOf("r0003", "omitted")).attr).not.toHaveProperty("owner");
    expect((await resourceOf("r0004", "omitted")).attr.owner).toEqual({
      name: "Dan",
      department: "Sales",
      skills: ["go"],
    });
  });

  it("builds what the independent builder sends for these rows", async () => {
    for (const representation of ["explicit", "omitted"] as const) {
      for (const row of rows) {
        const dataset = { seed: 0, people, tagNames: tagPool, rows };
        const built = (await resourceOf(row.id, representation)).attr;
        expect(
          sameResource(built, oracleResource(dataset, row, representation).attr),
          `${row.id} ${representation}`,
        ).toBe(true);
      }
    }
  });

  it("refuses an instance loaded without an association or a column the mapper needs", async () => {
    const bare = await models.Item.findByPk("r0001");
    if (!bare) throw new Error("row r0001 not found");
    expect(() => toCerbosResource(bare, { kind: "hostile", mapper: hostileMapper("explicit") })).toThrow(
      ResourceMappingError,
    );
    const narrow = await models.Item.findByPk("r0001", {
      attributes: ["id", "name"],
      include: resourceInclude(models.Item, hostileMapper("explicit")),
    });
    if (!narrow) throw new Error("row r0001 not found");
    expect(() =>
      toCerbosResource(narrow, { kind: "hostile", mapper: hostileMapper("explicit") }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ResourceMappingError: request.resource.attr.nickname needs column "nickname" of Item, which is not loaded on the instance (loaded with narrower attributes?)]`,
    );
  });
});
