import type { Model } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceMappingError, resourceInclude, toCerbosResource } from "../../src/index.ts";
import { type DifferentialDatabase, openSqlite } from "./databases.ts";
import type { HostileRow } from "./dataset.ts";
import { generateDataset } from "./generators.ts";
import { hostileMapper } from "./hostile-mapper.ts";
import { insertDataset } from "./insert-dataset.ts";
import { defineHostileModels, type HostileModels } from "./models.ts";
import { type NullRepresentation, oracleResource } from "./oracle-resource.ts";
import { people, tagPool } from "./pools.ts";

// toCerbosResource is pinned here against hand-written resources, and then shown to build, for
// every generated row, the same resource the differential oracle builds straight from the data.

const full: HostileRow = {
  id: "r0001",
  name: "100%_\\",
  nickname: "a",
  amount: -2147483648,
  score: 7,
  active: true,
  flagged: false,
  createdAt: new Date("2024-06-30T12:00:00.500Z"),
  ownerIndex: 0,
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
  ownerIndex: null,
  labels: [null],
  tags: [],
  contacts: [{ email: null, primary: false, personIndex: null, phones: [null] }],
};

const departmentless: HostileRow = { ...sparse, id: "r0003", ownerIndex: 3, labels: [], contacts: [] };

let database: DifferentialDatabase;
let models: HostileModels;

beforeAll(async () => {
  database = await openSqlite();
  models = defineHostileModels(database.sequelize);
  await insertDataset(models, { seed: 0, people, tagNames: tagPool, rows: [full, sparse, departmentless] });
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
  it("sends every attribute, dates as RFC 3339 and lists from the associations", async () => {
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
        owner: { name: "Ann", department: "Sales", manager: { department: null } },
        labels: ["urgent"],
        tags: ["vip"],
        contacts: [{ email: "a@example.com", primary: true, person: { department: "Marketing" }, phones: ["+1 555"] }],
      },
    });
  });

  it("sends NULLs as null when explicit, a missing to-one as NULL fields, NULL list elements as null", async () => {
    expect(await resourceOf("r0002", "explicit")).toEqual({
      kind: "hostile",
      id: "r0002",
      attr: {
        name: "",
        nickname: null,
        amount: 0,
        score: null,
        active: false,
        flagged: null,
        createdAt: "2024-01-01T00:00:00.000Z",
        owner: { name: null, department: null, manager: { department: null } },
        labels: [null],
        tags: [],
        contacts: [{ email: null, primary: false, person: { department: null }, phones: [null] }],
      },
    });
  });

  it("leaves NULLs out when omitted, and a to-one object too when all its fields are NULL", async () => {
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
    expect((await resourceOf("r0003", "omitted")).attr.owner).toEqual({
      name: "Åsa",
      manager: { department: "Marketing" },
    });
    expect((await resourceOf("r0003", "explicit")).attr.owner).toEqual({
      name: "Åsa",
      department: null,
      manager: { department: "Marketing" },
    });
  });

  it("refuses an instance loaded without the associations the mapper needs", async () => {
    const bare = await models.Item.findByPk("r0001");
    if (!bare) throw new Error("row r0001 not found");
    expect(() => toCerbosResource(bare, { kind: "hostile", mapper: hostileMapper("explicit") })).toThrow(
      ResourceMappingError,
    );
  });
});

describe("toCerbosResource and the differential oracle", () => {
  it.for(["explicit", "omitted"] as const)(
    "build the same resource for every generated row (NULLs %s)",
    async (representation, { expect }) => {
      const dataset = generateDataset(424242, 300);
      const local = await openSqlite();
      try {
        const localModels = defineHostileModels(local.sequelize);
        await insertDataset(localModels, dataset);
        const mapper = hostileMapper(representation);
        const instances = await localModels.Item.findAll({ include: resourceInclude(localModels.Item, mapper) });
        const built = new Map(
          instances.map((instance: Model) => {
            const resource = toCerbosResource(instance, { kind: "hostile", mapper });
            return [resource.id, withSortedLists(resource.attr)];
          }),
        );
        expect(built.size).toBe(dataset.rows.length);
        for (const row of dataset.rows) {
          const expected = withSortedLists(oracleResource(dataset, row, representation).attr);
          expect(built.get(row.id), `row ${row.id}`).toEqual(expected);
        }
      } finally {
        await local.close();
      }
    },
  );
});

/** List order is not part of the contract (the suite refuses index access): compare as multisets. */
function withSortedLists(attr: Record<string, unknown>): Record<string, unknown> {
  return sortLists(attr) as Record<string, unknown>;
}

function sortLists(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortLists).sort((a, b) => canonical(a).localeCompare(canonical(b)));
  }
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, sortLists(field)]));
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, field]) => `${key}:${canonical(field)}`).join(",")}}`;
}
