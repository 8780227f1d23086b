import { Transaction } from "sequelize";
import { describe, expect, test } from "vitest";
import {
  authorizedFindByPk,
  authorizeInstance,
  isResourceMappingError,
  ResourceMappingError,
  toCerbosResource,
} from "../../src/index.ts";
import { oracleResource, principals } from "./dataset.ts";
import { checkEveryRow, dialects, useFlagFixture } from "./fixture.ts";
import { documentMapper } from "./models.ts";
import { recordingClient } from "./recorders.ts";

const fixture = useFlagFixture(60);
const { alice, bob } = principals;
const actions = ["read", "update", "delete", "comment"] as const;

describe.each(dialects.filter((dialect) => dialect.runs))("single-resource helper on $label", ({ label }) => {
  const db = () => fixture.database(label);
  const options = (principal = alice) => ({
    cerbos: fixture.cerbos(),
    principal,
    kind: "document",
    mapper: documentMapper,
    actions,
  });

  test("authorizedFindByPk: loads with resourceInclude, one CheckResources, the decision per action", async () => {
    const oracle = await checkEveryRow(fixture.cerbos(), bob, fixture.rows, actions);
    for (const row of fixture.rows.slice(1, 25)) {
      const found = await authorizedFindByPk(db().models.Document, row.id, options(bob));
      expect(found?.instance.id).toBe(row.id);
      expect(found?.allowed).toEqual(oracle.get(row.id)!.allowed);
      expect(found?.cerbosCallId).toMatch(/\S/);
      expect(found?.resource).toEqual({ ...oracleResource(row), attr: expect.any(Object) });
    }
  });

  test("no such row: null, and no PDP call", async () => {
    const { client, calls } = recordingClient(fixture.cerbos());
    expect(await authorizedFindByPk(db().models.Document, 9999, { ...options(), cerbos: client })).toBeNull();
    expect(calls).toEqual([]);
  });

  test("inside a transaction with a row lock, for a caller-supplied principal", async () => {
    const { Document } = db().models;
    const row = fixture.rows.find((r) => r.ownerId === "alice" && r.status === "draft" && r.organizationId === 1)!;
    const decision = await db().sequelize.transaction(async (transaction) =>
      authorizedFindByPk(Document, row.id, options(), {
        transaction,
        lock: { level: Transaction.LOCK.UPDATE, of: Document },
      }),
    );
    expect(decision?.allowed).toMatchObject({ read: true, update: true, delete: true });
  });

  test("authorizeInstance checks an instance already loaded; one loaded without what the mapper needs throws", async () => {
    const { Document } = db().models;
    const row = fixture.rows[5]!;
    const bare = await Document.findByPk(row.id);
    await expect(authorizeInstance(bare!, options())).rejects.toThrow(ResourceMappingError);
    await expect(authorizeInstance(bare!, options())).rejects.toSatisfy(isResourceMappingError);
    const loaded = (await authorizedFindByPk(Document, row.id, options()))!.instance;
    const decision = await authorizeInstance(loaded, options());
    const oracle = await checkEveryRow(fixture.cerbos(), alice, [row], actions);
    expect(decision.allowed).toEqual(oracle.get(row.id)!.allowed);
    expect(decision.resource).toEqual(toCerbosResource(loaded, { kind: "document", mapper: documentMapper }));
  });

  test('an unsaved draft is checked under the id given (e.g. "new")', async () => {
    const { Document, Member } = db().models;
    const draft = Document.build({
      id: 0,
      title: "Draft",
      status: "draft",
      ownerId: "alice",
      organizationId: 1,
      score: null,
      reviewer: null,
    });
    const owner = Member.build({ id: "alice", department: "Sales" });
    Object.assign(draft.dataValues, { owner, tags: [], comments: [] });
    const { client, calls } = recordingClient(fixture.cerbos());
    const decision = await authorizeInstance(draft, { ...options(), cerbos: client, actions: ["update"], id: "new" });
    expect(decision.resource.id).toBe("new");
    expect(calls).toEqual([{ method: "check", actions: ["update"], resources: 1 }]);
  });
});
