import { Op } from "sequelize";
import { describe, expect, test } from "vitest";
import { authorizedFindAndCountAll } from "../../src/index.ts";
import { exactActions, type FlagAction, flagActions, stricterActions, widerActions } from "./actions.ts";
import { type DocumentRow, principals, schemaBreakingId } from "./dataset.ts";
import { checkEveryRow, dialects, useFlagFixture } from "./fixture.ts";
import { documentMapper } from "./models.ts";

const fixture = useFlagFixture(400);
type PrincipalName = keyof typeof principals;
interface Difference {
  id: number;
  action: string;
  flag: boolean;
  checked: boolean;
}

/**
 * Lists every document (pages of 64) with every flag, and compares each row's flags with
 * CheckResources on a resource built by hand from the row. The schema-breaking row is left out
 * by the app's own `where` (it is pinned in wider-cases.test.ts).
 */
async function differences(label: string, name: PrincipalName) {
  const { Document } = fixture.database(label).models;
  const principal = principals[name];
  const byId = new Map(fixture.rows.map((row) => [row.id, row]));
  const oracle = await checkEveryRow(fixture.cerbos(), principal, fixture.rows, ["read", ...flagActions]);
  const listed: number[] = [];
  const found: Difference[] = [];
  let count = -1;
  for (let offset = 0; ; offset += 64) {
    const page = await authorizedFindAndCountAll(
      Document,
      {
        cerbos: fixture.cerbos(),
        principal,
        kind: "document",
        action: "read",
        flags: flagActions,
        mapper: documentMapper,
      },
      { where: { status: { [Op.ne]: "bogus" } }, order: [["id", "ASC"]], limit: 64, offset },
    );
    count = page.count;
    page.rows.forEach((row, index) => {
      listed.push(row.id);
      for (const action of flagActions) {
        const flag = page.can[index]![action];
        const checked = oracle.get(row.id)!.allowed[action]!;
        if (flag !== checked) found.push({ id: row.id, action, flag, checked });
      }
    });
    if (page.rows.length < 64) break;
  }
  const readable = fixture.rows
    .filter((row) => row.id !== schemaBreakingId && oracle.get(row.id)!.allowed.read)
    .map((row) => row.id);
  return { listed, readable, count, found, row: (id: number) => byId.get(id) as DocumentRow };
}

const only = (found: Difference[], actions: readonly string[]) => found.filter((d) => actions.includes(d.action));

describe.each(dialects.filter((dialect) => dialect.runs))("flags vs CheckResources on $label", ({ label }) => {
  const cache = new Map<PrincipalName, ReturnType<typeof differences>>();
  const diff = (name: PrincipalName) => {
    if (!cache.has(name)) cache.set(name, differences(label, name));
    return cache.get(name)!;
  };

  describe.each(Object.keys(principals) as PrincipalName[])("principal %s", (name) => {
    test("rows and count are exactly the documents CheckResources lets it read", async () => {
      const { listed, readable, count } = await diff(name);
      expect(listed).toEqual(readable);
      expect(count).toBe(readable.length);
    });

    test("every exact action's flag equals CheckResources on every row", async () => {
      const { found } = await diff(name);
      const exact: readonly string[] = name === "mallory" ? exactActions.filter((a) => a !== "delete") : exactActions;
      expect(only(found, exact)).toEqual([]);
    });

    test("a stricter action's flag implies CheckResources allows, and differs only on NULL scores", async () => {
      const { found, row } = await diff(name);
      for (const difference of only(found, stricterActions)) {
        expect({ ...difference, score: row(difference.id).score }).toEqual({
          ...difference,
          flag: false,
          checked: true,
          score: null,
        });
      }
    });

    test("a known wider action differs only where the library cannot see it (no reviewer)", async () => {
      const { found, row } = await diff(name);
      for (const difference of only(found, widerActions)) {
        expect({ ...difference, reviewer: row(difference.id).reviewer }).toEqual({
          ...difference,
          flag: true,
          checked: false,
          reviewer: null,
        });
      }
    });
  });

  test.each(stricterActions.map((action) => [action] as [FlagAction]))(
    "known stricter case pinned: %s is false on a readable row with a NULL score that CheckResources allows",
    async (action) => {
      const { found } = await diff("alice");
      expect(only(found, [action]).length).toBeGreaterThan(0);
    },
  );

  test.each(widerActions.map((action) => [action] as [FlagAction]))(
    "known wider case pinned: %s is true on a row without a reviewer that CheckResources denies",
    async (action) => {
      const { found } = await diff("alice");
      expect(only(found, [action]).length).toBeGreaterThan(0);
    },
  );

  test("known wider case pinned: Cerbos 0.55 plans mallory's delete without her principal policy's DENY", async () => {
    const { found, listed, row } = await diff("mallory");
    const own = listed.filter((id) => row(id).ownerId === "mallory");
    expect(own.length).toBeGreaterThan(0);
    expect(only(found, ["delete"])).toEqual(own.map((id) => ({ id, action: "delete", flag: true, checked: false })));
  });
});
