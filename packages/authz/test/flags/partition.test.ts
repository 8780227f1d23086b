import { Op, type OrderItem, Sequelize, type WhereOptions } from "sequelize";
import { describe, expect, test } from "vitest";
import { authorizedFindAndCountAll, type PagePartition } from "../../src/index.ts";
import { principals } from "./dataset.ts";
import { dialects, useFlagFixture } from "./fixture.ts";
import type { Document } from "./models.ts";
import { documentMapper } from "./models.ts";
import { statementLog } from "./recorders.ts";

// `partition` (one sorted, LIMITed statement per organization, merged) must return what the
// single statement returns: the same rows in the same order, the same flags, count and hasMore,
// page after page through keyset cursors and offsets, on SQLite and Postgres.

const fixture = useFlagFixture(150);
const { bob, root } = principals;
const union = (values: number[]): PagePartition => ({ attribute: "organizationId", values, strategy: "union" });

interface Walked {
  pages: Array<{ ids: number[]; can: unknown[]; hasMore: boolean; count: number }>;
  statements: string[];
}

describe.each(dialects.filter((dialect) => dialect.runs))("partition on $label", ({ label }) => {
  const Doc = () => fixture.database(label).models.Document;
  const auth = (principal = bob) => ({
    cerbos: fixture.cerbos(),
    principal,
    kind: "document",
    action: "read" as const,
    flags: ["update"] as const,
    mapper: documentMapper,
  });

  /** Every page by keyset cursor on (status, id) ascending, or by offset for another order. */
  async function walk(order: OrderItem[], partition: PagePartition | undefined, principal = bob, by = "cursor") {
    const log = statementLog();
    const walked: Walked = { pages: [], statements: log.statements };
    let after: WhereOptions | undefined;
    let offset = 0;
    for (let guard = 0; guard < 40; guard++) {
      const page = await authorizedFindAndCountAll(Doc(), auth(principal), {
        where: { status: { [Op.ne]: "bogus" } },
        order,
        limit: 7,
        ...(by === "cursor" ? (after === undefined ? {} : { after }) : { offset }),
        ...(partition === undefined ? {} : { partition }),
        logging: log.logging,
      });
      walked.pages.push({
        ids: page.rows.map((row) => row.id),
        can: page.can,
        hasMore: page.hasMore,
        count: page.count,
      });
      if (!page.hasMore) return walked;
      const last = page.rows.at(-1) as Document;
      after = {
        [Op.or]: [{ status: { [Op.gt]: last.status } }, { status: last.status, id: { [Op.gt]: last.id } }],
      };
      offset += 7;
    }
    throw new Error("more than 40 pages");
  }

  const byStatus: OrderItem[] = [
    ["status", "ASC"],
    ["id", "ASC"],
  ];

  test("keyset pages by (status, id): the same rows, order, flags, count and hasMore as one statement", async () => {
    const single = await walk(byStatus, undefined);
    const merged = await walk(byStatus, union([1, 2]));
    expect(merged.pages).toEqual(single.pages);
    expect(single.pages.length).toBeGreaterThan(3);
    expect(merged.statements.filter((sql) => /UNION ALL/.test(sql))).toHaveLength(merged.pages.length);
    expect(single.statements.some((sql) => /UNION ALL/.test(sql))).toBe(false);
  });

  test("offset pages by an expression and a nullable column, mixed directions, NULLs where the dialect puts them", async () => {
    const order: OrderItem[] = [
      ["score", "DESC"],
      [Sequelize.fn("lower", Sequelize.col("title")), "ASC"],
      ["id", "DESC"],
    ];
    const single = await walk(order, undefined, bob, "offset");
    const merged = await walk(order, union([2, 1]), bob, "offset");
    expect(merged.pages).toEqual(single.pages);
  });

  test("values are a filter too: rows of other organizations leave the page and the count", async () => {
    const all = await walk(byStatus, undefined, root);
    const filtered = all.pages.flatMap((page) => page.ids);
    const expected = (await Doc().findAll({ where: { organizationId: 2 }, attributes: ["id"] })).map((row) => row.id);
    const merged = await walk(byStatus, union([2, 3]), root);
    const mergedIds = merged.pages.flatMap((page) => page.ids);
    expect(mergedIds).toEqual(filtered.filter((id) => expected.includes(id)));
    expect(merged.pages[0]!.count).toBe(mergedIds.length);
    const empty = await authorizedFindAndCountAll(Doc(), auth(root), {
      order: byStatus,
      limit: 5,
      partition: union([]),
    });
    expect([empty.rows, empty.count, empty.hasMore]).toEqual([[], 0, false]);
  });

  test("strategy auto: merged statements on SQLite only; one value is a single statement", async () => {
    const auto = await walk(byStatus, { attribute: "organizationId", values: [1, 2] });
    const single = await walk(byStatus, undefined);
    expect(auto.pages).toEqual(single.pages);
    expect(auto.statements.some((sql) => /UNION ALL/.test(sql))).toBe(label === "SQLite");
    const one = await walk(byStatus, union([1]));
    expect(one.statements.some((sql) => /UNION ALL/.test(sql))).toBe(false);
  });

  test("raw rows and attributes come back as the single statement's, in page order", async () => {
    const options = { order: byStatus, limit: 9, attributes: ["id", "title"] };
    const single = await authorizedFindAndCountAll(Doc(), auth(), { ...options, raw: true });
    const merged = await authorizedFindAndCountAll(Doc(), auth(), { ...options, raw: true, partition: union([1, 2]) });
    expect(merged.rows).toEqual(single.rows);
    expect(merged.can).toEqual(single.can);
  });

  test("refused shapes say why: no limit, include", async () => {
    await expect(
      authorizedFindAndCountAll(Doc(), auth(), { order: byStatus, partition: union([1, 2]) }),
    ).rejects.toThrow(/needs a limit/);
    await expect(
      authorizedFindAndCountAll(Doc(), auth(), {
        order: byStatus,
        limit: 3,
        include: [{ association: "owner" }],
        partition: union([1, 2]),
      }),
    ).rejects.toThrow(/not with include/);
  });
});
