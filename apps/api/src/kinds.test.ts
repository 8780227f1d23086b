import { describe, expect, it } from "vitest";
// The database layer first: it imports the registry (and through it every router), so an import
// cycle between the registry and the database layer would fail here.
import { openDatabase } from "./db/database.ts";
import { kindRouters, kinds, resourceKindNames } from "./kinds.ts";
import { appRouter } from "./router.ts";

describe("the resource-kind registry (src/kinds.ts)", () => {
  it("defines every kind's model on the database, under its own name, with its associations", async () => {
    const db = openDatabase("sqlite::memory:");
    try {
      for (const kind of Object.values(kinds)) {
        expect(kind.modelOf(db).name, kind.name).toBe(kind.model.name);
        expect(db.models).toHaveProperty(kind.model.name);
      }
      expect(Object.keys(db.models.Contact.associations).sort()).toEqual(["company", "organization", "owner", "tags"]);
    } finally {
      await db.sequelize.close();
    }
  });

  it("names each Cerbos kind once, and mounts each kind's router in the app router", () => {
    expect(new Set(resourceKindNames).size).toBe(resourceKindNames.length);
    expect(resourceKindNames).toEqual(Object.keys(kinds));
    for (const name of Object.keys(kindRouters)) expect(appRouter._def.record).toHaveProperty(name);
  });

  it("gives every kind probe attributes and a mapper for its id", () => {
    for (const kind of Object.values(kinds)) {
      expect(kind.mapper, kind.name).toHaveProperty(["request.resource.id"]);
      expect(Object.keys(kind.probe).length, kind.name).toBeGreaterThan(0);
    }
  });
});
