import { Op, Sequelize } from "sequelize";
import { beforeAll, describe, expect, test } from "vitest";
import { type AuthorizedFindOptions, authorizedFindAndCountAll } from "../../src/index.ts";
import { flagActions } from "./actions.ts";
import { principals } from "./dataset.ts";
import { checkEveryRow, dialects, type OracleDecision, useFlagFixture } from "./fixture.ts";
import { type Document, documentMapper } from "./models.ts";
import { recordingClient, statementLog } from "./recorders.ts";

const fixture = useFlagFixture(150);
const { alice, bob, root } = principals;
let oracle: Map<number, OracleDecision>;
beforeAll(async () => {
  oracle = await checkEveryRow(fixture.cerbos(), alice, fixture.rows, ["read", ...flagActions]);
});
const readable = () => fixture.rows.filter((row) => row.id !== 1 && oracle.get(row.id)!.allowed.read);
const notBogus = { status: { [Op.ne]: "bogus" } };
type LoadOption = NonNullable<AuthorizedFindOptions<Document>["load"]>;

describe.each(dialects.filter((dialect) => dialect.runs))("authorizedFindAndCountAll on $label", ({ label }) => {
  const models = () => fixture.database(label).models;
  const base = () => ({
    cerbos: fixture.cerbos(),
    principal: alice,
    kind: "document",
    action: "read" as const,
    mapper: documentMapper,
  });

  test("one PlanResources per action, in one round; the page, its flags and the exact count", async () => {
    const { client, calls } = recordingClient(fixture.cerbos());
    const log = statementLog();
    const page = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), cerbos: client, flags: ["update", "comment"] },
      { where: notBogus, order: [["id", "DESC"]], limit: 7, offset: 3, logging: log.logging },
    );
    expect(calls).toEqual(["read", "update", "comment"].map((a) => ({ method: "plan", actions: [a], resources: 0 })));
    const expected = readable()
      .map((row) => row.id)
      .sort((a, b) => b - a)
      .slice(3, 10);
    expect(page.rows.map((row) => row.id)).toEqual(expected);
    expect(page.count).toBe(readable().length);
    expect(page.can).toEqual(
      expected.map((id) => ({
        read: true,
        update: oracle.get(id)!.allowed.update,
        comment: page.can[expected.indexOf(id)]!.comment,
      })),
    );
    expect(Object.keys(page.cerbosCallIds).sort()).toEqual(["comment", "read", "update"]);
    // count, page, and one flag query by primary key over the 7 page rows (no ORDER BY, no sort)
    expect(log.statements).toHaveLength(3);
    const flagQuery = log.statements.find((sql) => sql.includes("CASE WHEN"))!;
    expect(flagQuery).toMatch(/IN \(/);
    expect(flagQuery).not.toMatch(/ORDER BY/i);
    // Without a join nothing repeats a row: a plain count (COUNT(DISTINCT id) costs a temp B-tree).
    const countQuery = log.statements.find((sql) => /count\(/i.test(sql))!;
    expect(countQuery).toMatch(/count\(\*\)/i);
    expect(countQuery).not.toMatch(/DISTINCT/i);
  });

  test("count: false runs no count query and returns count undefined", async () => {
    const log = statementLog();
    const page = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), count: false },
      {
        where: notBogus,
        limit: 5,
        logging: log.logging,
      },
    );
    expect(page.count).toBeUndefined();
    expect(page.rows).toHaveLength(5);
    expect(log.statements.some((sql) => /count\(/i.test(sql))).toBe(false);
  });

  test("ALWAYS_DENIED for the action runs no query at all", async () => {
    const log = statementLog();
    const nobody = { id: "guest", roles: ["guest"], attr: {} };
    const page = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), principal: nobody, flags: ["update"] },
      {
        logging: log.logging,
      },
    );
    expect(page).toMatchObject({ rows: [], count: 0, can: [] });
    expect(log.statements).toEqual([]);
  });

  test("flags whose plans are constant cost no SQL (admin: all allowed; user: publish never)", async () => {
    const admin = statementLog();
    const all = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), principal: root, flags: ["update", "publish"] },
      {
        limit: 4,
        logging: admin.logging,
      },
    );
    expect(all.can).toEqual(Array(4).fill({ read: true, update: true, publish: true }));
    const user = statementLog();
    const none = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), flags: ["publish"] },
      {
        where: notBogus,
        limit: 4,
        logging: user.logging,
      },
    );
    expect(none.can).toEqual(Array(4).fill({ read: true, publish: false }));
    expect([admin.statements.length, user.statements.length]).toEqual([2, 2]);
  });

  test("include + limit (Sequelize's subquery), order by an expression, the app's where AND-ed", async () => {
    const { Document, Comment } = models();
    const page = await authorizedFindAndCountAll(
      Document,
      { ...base(), principal: bob, flags: ["update"] },
      {
        where: { [Op.or]: [{ status: "draft" }, { organizationId: 2 }] },
        include: [{ model: Comment, as: "comments" }],
        order: [
          [Sequelize.fn("lower", Sequelize.col("title")), "ASC"],
          ["id", "ASC"],
        ],
        limit: 6,
      },
    );
    const bobOracle = await checkEveryRow(fixture.cerbos(), bob, fixture.rows, ["read", "update"]);
    const expected = fixture.rows
      .filter((row) => bobOracle.get(row.id)!.allowed.read && (row.status === "draft" || row.organizationId === 2))
      .sort((a, b) =>
        a.title.toLowerCase() < b.title.toLowerCase()
          ? -1
          : a.title.toLowerCase() > b.title.toLowerCase()
            ? 1
            : a.id - b.id,
      );
    expect(page.rows.map((row) => row.id)).toEqual(expected.slice(0, 6).map((row) => row.id));
    expect(page.count).toBe(expected.length);
    const loaded = page.rows.map((row) => (row.get("comments") as unknown[]).length);
    expect(loaded).toEqual(expected.slice(0, 6).map((row) => row.comments.length));
    expect(page.can.map((can) => can.update)).toEqual(
      expected.slice(0, 6).map((row) => bobOracle.get(row.id)!.allowed.update),
    );
  });

  test("attributes without the primary key and raw rows: the key is selected, the flags are the same", async () => {
    const { Document } = models();
    const options = { where: notBogus, order: [["title", "ASC"]] as [string, string][], limit: 8 };
    const full = await authorizedFindAndCountAll(Document, { ...base(), flags: ["update", "share"] }, options);
    const narrow = await authorizedFindAndCountAll(
      Document,
      { ...base(), flags: ["update", "share"] },
      {
        ...options,
        attributes: ["title"],
      },
    );
    const raw = await authorizedFindAndCountAll(
      Document,
      { ...base(), flags: ["update", "share"] },
      {
        ...options,
        raw: true,
      },
    );
    expect(narrow.rows.map((row) => row.get({ plain: true }))).toEqual(
      full.rows.map(({ id, title }) => ({ id, title })),
    );
    expect(raw.rows.map((row) => (row as unknown as { id: number }).id)).toEqual(full.rows.map((row) => row.id));
    expect(narrow.can).toEqual(full.can);
    expect(raw.can).toEqual(full.can);
  });
});

describe.each(dialects.filter((dialect) => dialect.runs))("paging helpers on $label", ({ label }) => {
  const models = () => fixture.database(label).models;
  const base = () => ({ cerbos: fixture.cerbos(), principal: alice, kind: "document", mapper: documentMapper });
  const ids = () => readable().map((row) => row.id);

  test("keyset paging: `after` restricts the page, not the count; hasMore says whether rows follow", async () => {
    const all = ids();
    const cursor = all[all.length - 4]!;
    const page = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), action: "read", flags: ["update"] },
      { where: notBogus, after: { id: { [Op.gt]: cursor } }, order: [["id", "ASC"]], limit: 2 },
    );
    expect(page.rows.map((row) => row.id)).toEqual(all.slice(-3, -1));
    expect([page.count, page.hasMore, page.denied, page.can.length]).toEqual([all.length, true, false, 2]);
    const last = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), action: "read" },
      { where: notBogus, after: { id: { [Op.gt]: cursor } }, order: [["id", "ASC"]], limit: 3 },
    );
    expect([last.rows.length, last.hasMore]).toEqual([3, false]);
  });

  test("denied: true when the action's plan is ALWAYS_DENIED", async () => {
    const page = await authorizedFindAndCountAll(models().Document, { ...base(), action: "publish" }, { limit: 5 });
    expect([page.denied, page.rows, page.hasMore]).toEqual([true, [], false]);
  });

  test("load: the page query selects keys only, the loader reads the rows, in the page's order", async () => {
    const { Document, Comment } = models();
    const log = statementLog();
    const loaded: unknown[][] = [];
    const page = await authorizedFindAndCountAll(
      Document,
      { ...base(), action: "read", flags: ["update"] },
      {
        where: notBogus,
        order: [["id", "DESC"]],
        limit: 4,
        logging: log.logging,
        load: (keys) => {
          loaded.push(keys);
          return Document.findAll({ where: { id: keys as number[] }, include: [{ model: Comment, as: "comments" }] });
        },
      },
    );
    const expected = ids().reverse().slice(0, 4);
    expect(loaded).toEqual([expected]);
    expect(page.rows.map((row) => row.id)).toEqual(expected);
    expect(page.rows.map((row) => (row.get("comments") as unknown[]).length)).toEqual(
      expected.map((id) => fixture.rows[id - 1]!.comments.length),
    );
    const keysQuery = log.statements.find((sql) => /ORDER BY/i.test(sql))!;
    expect(keysQuery).not.toMatch(/title/);
    expect(page.can.map((can) => can.update)).toEqual(expected.map((id) => oracle.get(id)!.allowed.update));
  });

  /** Six rows by id DESC with the flags update and comment, read by `load` (given the statement log's `logging`). */
  const loadedPage = async (load: (logging: (sql: string) => void) => LoadOption) => {
    const log = statementLog();
    const page = await authorizedFindAndCountAll(
      models().Document,
      { ...base(), action: "read", flags: ["update", "comment"] },
      { where: notBogus, order: [["id", "DESC"]], limit: 6, logging: log.logging, load: load(log.logging) },
    );
    return { page, statements: log.statements, expected: ids().reverse().slice(0, 6) };
  };

  test("load: a loader that selects extra.attributes brings the flags in its own statement, taken off the rows", async () => {
    const { Document } = models();
    const { page, statements, expected } = await loadedPage(
      (logging) => (_keys, where, extra) =>
        Document.findAll({ where, attributes: { include: [...extra.attributes] }, logging }),
    );
    expect(page.rows.map((row) => row.id)).toEqual(expected);
    expect(page.can.map((can) => can.update)).toEqual(expected.map((id) => oracle.get(id)!.allowed.update));
    // The same flags as the flags statement of a page without a loader.
    const reference = await authorizedFindAndCountAll(
      Document,
      { ...base(), action: "read", flags: ["update", "comment"] },
      { where: notBogus, order: [["id", "DESC"]], limit: 6 },
    );
    expect(page.can).toEqual(reference.can);
    expect(new Set(page.can.map((can) => can.comment)).size).toBe(2);
    // count, keys page, the load with the flags' CASE columns: no flags statement of its own
    expect(statements).toHaveLength(3);
    expect(statements.filter((sql) => sql.includes("CASE WHEN"))).toHaveLength(1);
    expect(statements.find((sql) => sql.includes("CASE WHEN"))).not.toMatch(/ORDER BY/i);
    for (const row of page.rows) {
      expect(Object.keys(row.toJSON()).filter((name) => name.startsWith("authz_"))).toEqual([]);
      expect(row.changed()).toBe(false);
    }
  });

  test("load: a loader that ignores extra costs one flags statement by key, with the same flags", async () => {
    const { Document } = models();
    const { page, statements, expected } = await loadedPage(
      (logging) => (_keys, where) => Document.findAll({ where, logging }),
    );
    expect(page.can.map((can) => can.update)).toEqual(expected.map((id) => oracle.get(id)!.allowed.update));
    expect(statements).toHaveLength(4);
    expect(statements.filter((sql) => sql.includes("CASE WHEN"))).toHaveLength(1);
  });

  test("load: a row changed between the page query and the load into one the principal may not read is left out", async () => {
    const { Document } = models();
    const expected = readable()
      .map((row) => row.id)
      .sort((a, b) => b - a)
      .slice(0, 5);
    // A row alice reads but does not own: archived, only its owner may read it (document.yaml).
    const victim = expected.find((id) => fixture.rows[id - 1]!.ownerId !== alice.id)!;
    const before = await Document.findByPk(victim);
    try {
      const page = await authorizedFindAndCountAll(
        Document,
        { ...base(), action: "read", flags: ["update"] },
        {
          where: notBogus,
          order: [["id", "DESC"]],
          limit: 5,
          load: async (_keys, where) => {
            // Another request archives it after the page query chose it, before the rows are read.
            await Document.update({ status: "archived" }, { where: { id: victim } });
            return Document.findAll({ where });
          },
        },
      );
      expect(page.rows.map((row) => row.id)).toEqual(expected.filter((id) => id !== victim));
      expect(page.can).toHaveLength(expected.length - 1);
    } finally {
      await Document.update({ status: before!.status }, { where: { id: victim } });
    }
  });
});
