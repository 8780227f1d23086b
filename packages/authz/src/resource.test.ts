import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ContactModels, contactMapper, extendedContactMapper, seededContacts } from "../test/fixtures/contacts.ts";
import { type Mapper, type MapperEntry, resourceInclude, toCerbosResource } from "./index.ts";

let db: ContactModels;
beforeAll(async () => {
  db = await seededContacts();
});
afterAll(() => db.sequelize.close());

const load = (id: number, mapper: Mapper) =>
  db.Contact.findByPk(id, { include: resourceInclude(db.Contact, mapper) }).then((row) => {
    if (row === null) throw new Error(`no contact ${id}`);
    return row;
  });

describe("toCerbosResource", () => {
  it("builds the shipped contact resource: string id, columns, tag names", async () => {
    const resource = toCerbosResource(await load(1, contactMapper), { kind: "contact", mapper: contactMapper });
    expect(resource).toEqual({
      kind: "contact",
      id: "1",
      attr: {
        ownerId: "john",
        organizationId: 1,
        companyId: 1,
        isActive: true,
        marketingOptIn: true,
        tags: expect.arrayContaining(["public", "vip"]),
      },
    });
    expect(resource.attr.tags).toHaveLength(2);
  });

  it("shows NULLs explicitly by default, nested objects for dotted paths, lists of objects, nothing behind a missing row", async () => {
    const resource = toCerbosResource(await load(2, extendedContactMapper), {
      kind: "contact",
      mapper: extendedContactMapper,
    });
    expect(resource).toEqual({
      kind: "contact",
      id: "2",
      attr: {
        ownerId: "john",
        organizationId: 1,
        companyId: null,
        isActive: false,
        marketingOptIn: false,
        tags: [],
        nickname: null,
        createdAt: "2024-06-30T12:00:00.500Z",
        owner: { department: "Sales" },
        // No company row: companyOrganizationId is absent (a flat path has no object to set to null).
        notes: [],
      },
    });
  });

  it("omits NULL attributes under nullRepresentation omitted, including a missing to-one association", async () => {
    const omitted: Record<string, MapperEntry> = Object.fromEntries(
      Object.entries(extendedContactMapper).map(([path, entry]) => [path, { ...entry, nullRepresentation: "omitted" }]),
    );
    const resource = toCerbosResource(await load(5, omitted), { kind: "contact", mapper: omitted });
    expect(resource).toEqual({
      kind: "contact",
      id: "5",
      attr: {
        ownerId: "ghost",
        organizationId: 1,
        companyId: 2,
        isActive: true,
        marketingOptIn: true,
        tags: ["public"],
        nickname: "",
        createdAt: "2024-03-01T00:00:00.000Z",
        companyOrganizationId: 2,
        notes: [],
      },
    });
  });

  it("builds list-of-object elements from the entry's fields, NULL fields per the representation", async () => {
    const resource = toCerbosResource(await load(1, extendedContactMapper), {
      kind: "contact",
      mapper: extendedContactMapper,
    });
    // Element order is the database's; no translated operator depends on it (indexing is refused).
    expect(resource.attr.notes).toHaveLength(2);
    expect(resource.attr.notes).toEqual(
      expect.arrayContaining([
        { body: "call back", pinned: true },
        { body: null, pinned: false },
      ]),
    );
  });

  it("refuses an instance whose needed association is not loaded", async () => {
    const bare = await db.Contact.findByPk(1);
    expect(() =>
      toCerbosResource(bare!, { kind: "contact", mapper: contactMapper }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[ResourceMappingError: request.resource.attr.tags needs association "tags" of Contact, which is not loaded on the instance: load it with include: resourceInclude(model, mapper)]`,
    );
  });

  it("needs the list of paths when the mapper is a function", async () => {
    const mapper = (path: string) => (contactMapper as Record<string, { column?: string }>)[path];
    const row = await load(1, contactMapper);
    expect(() => toCerbosResource(row, { kind: "contact", mapper })).toThrowErrorMatchingInlineSnapshot(
      `[ResourceMappingError: toCerbosResource needs \`paths\` when the mapper is a function]`,
    );
    expect(toCerbosResource(row, { kind: "contact", mapper, paths: ["request.resource.attr.ownerId"] })).toEqual({
      kind: "contact",
      id: "1",
      attr: { ownerId: "john" },
    });
  });
});

describe("resourceInclude", () => {
  it("includes each needed association once, junction attributes left out", () => {
    expect(resourceInclude(db.Contact, extendedContactMapper)).toMatchInlineSnapshot(`
      [
        {
          "association": "tags",
          "through": {
            "attributes": [],
          },
        },
        {
          "association": "owner",
        },
        {
          "association": "company",
        },
        {
          "association": "notes",
        },
      ]
    `);
  });
});
