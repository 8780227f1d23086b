import { DataTypes, type Model, type ModelStatic, Sequelize } from "sequelize";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Mapper,
  queryPlanToSql,
  ResourceMappingError,
  resourceInclude,
  toCerbosResource,
  UnsupportedQueryPlanError,
} from "./index.ts";

// Relation semantics beyond the differential suite's mapper: a hasOne with a second row, a root
// column writing into a relation's object, mixed representations, function mappers.

let sequelize: Sequelize;
let Doc: ModelStatic<Model>;
beforeAll(async () => {
  sequelize = new Sequelize({ dialect: "sqlite", storage: ":memory:", logging: false });
  const Folder = sequelize.define(
    "Folder",
    { id: { type: DataTypes.INTEGER, primaryKey: true }, name: DataTypes.STRING },
    { timestamps: false },
  );
  const Summary = sequelize.define(
    "Summary",
    { id: { type: DataTypes.INTEGER, primaryKey: true }, docId: DataTypes.INTEGER, title: DataTypes.STRING },
    { timestamps: false },
  );
  Doc = sequelize.define(
    "Doc",
    { id: { type: DataTypes.INTEGER, primaryKey: true }, folderId: { type: DataTypes.INTEGER, allowNull: true } },
    { timestamps: false },
  );
  Doc.belongsTo(Folder, { as: "folder", foreignKey: "folderId", constraints: false });
  Doc.hasOne(Summary, { as: "summary", foreignKey: "docId" });
  await sequelize.sync();
  await Folder.bulkCreate([{ id: 1, name: "a" }]);
  await Doc.bulkCreate([
    { id: 1, folderId: 1 },
    { id: 2, folderId: 7 },
    { id: 3, folderId: null },
  ]);
  await Summary.bulkCreate([
    { id: 1, docId: 1, title: "x" },
    { id: 2, docId: 2, title: "x" },
    { id: 3, docId: 2, title: "y" },
  ]);
});
afterAll(() => sequelize.close());

const attr = (name: string) => `request.resource.attr.${name}`;
const v = (name: string) => ({ name: attr(name) });
const c = (value: unknown) => ({ value });
const op = (operator: string, ...operands: unknown[]) => ({ operator, operands });

async function ids(condition: unknown, mapper: Mapper): Promise<number[]> {
  const sql = queryPlanToSql({
    queryPlan: { kind: "KIND_CONDITIONAL", condition, validationErrors: [] },
    model: Doc,
    mapper,
  });
  const rows = await Doc.findAll({ where: sequelize.literal(sql), order: [["id", "ASC"]] });
  return rows.map((row) => row.get("id") as number);
}

async function resource(id: number, mapper: Mapper) {
  const row = await Doc.findByPk(id, { include: resourceInclude(Doc, mapper) });
  if (row === null) throw new Error(`no doc ${id}`);
  return toCerbosResource(row, { kind: "doc", mapper }).attr;
}

describe("relations", () => {
  const summaryMapper: Mapper = { [attr("summary.title")]: { association: "summary", column: "title" } };

  it("never matches a row whose hasOne has a second row (neither x nor !x)", async () => {
    expect(await ids(op("eq", v("summary.title"), c("x")), summaryMapper)).toEqual([1]);
    expect(await ids(op("not", op("eq", v("summary.title"), c("x"))), summaryMapper)).toEqual([]);
  });

  it("shows a dangling and a NULL key alike: no folder", async () => {
    const mapper: Mapper = {
      [attr("folder")]: { association: "folder" },
      [attr("folder.name")]: { association: "folder", column: "name" },
    };
    expect(await resource(2, mapper)).toEqual({ folder: null });
    expect(await resource(3, mapper)).toEqual({ folder: null });
    expect(await ids(op("eq", v("folder"), c(null)), mapper)).toEqual([2, 3]);
    expect(await ids(op("ne", v("folder.name"), c("b")), mapper)).toEqual([1]);
  });

  it("keeps an object a root column writes into: a missing row shows as missing keys", async () => {
    const mapper: Mapper = {
      [attr("folder.id")]: { column: "folderId" },
      [attr("folder.name")]: { association: "folder", column: "name" },
    };
    expect(await resource(2, mapper)).toEqual({ folder: { id: 7 } });
    expect(await ids(op("eq", v("folder.name"), c("a")), mapper)).toEqual([1]);
    const withRelation: Mapper = { ...mapper, [attr("folder")]: { association: "folder" } };
    await expect(resource(2, withRelation)).rejects.toThrow(ResourceMappingError);
    await expect(ids(op("eq", v("folder.name"), c("a")), withRelation)).rejects.toThrow(/shares its object/);
  });

  it("refuses leaves behind one association that mix explicit and omitted, until a relation entry says which", async () => {
    const mixed: Mapper = {
      [attr("folder.name")]: { association: "folder", column: "name" },
      [attr("folder.id")]: { association: "folder", column: "id", nullRepresentation: "omitted" },
    };
    await expect(resource(1, mixed)).rejects.toThrow(/mix explicit and omitted/);
    await expect(ids(op("eq", v("folder.name"), c("a")), mixed)).rejects.toThrow(UnsupportedQueryPlanError);
    const declared: Mapper = { ...mixed, [attr("folder")]: { association: "folder", nullRepresentation: "omitted" } };
    expect(await resource(3, declared)).toEqual({});
    expect(await ids(op("eq", v("folder.name"), c("a")), declared)).toEqual([1]);
  });

  it("needs a function mapper's relation entry to state its representation", async () => {
    const entries: Record<string, { association: string; nullRepresentation?: "explicit" }> = {
      [attr("folder")]: { association: "folder" },
    };
    const mapper = (path: string) => entries[path];
    await expect(ids(op("eq", v("folder"), c(null)), mapper)).rejects.toThrow(/must state its nullRepresentation/);
    entries[attr("folder")] = { association: "folder", nullRepresentation: "explicit" };
    expect(await ids(op("eq", v("folder"), c(null)), mapper)).toEqual([2, 3]);
  });
});
