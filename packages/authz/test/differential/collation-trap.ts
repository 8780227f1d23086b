import { Sequelize } from "sequelize";
import { expect, it } from "vitest";
import { queryPlanToSql } from "../../src/index.ts";
import { hostileMapper } from "./hostile-mapper.ts";
import type { SuiteContext } from "./suite-context.ts";

const EXACT = "COLLATE utf8mb4_nopad_bin";
/** What `=` and `<` on the suite's columns mean without the byte-exact wrapping: the server default. */
const NAIVE = "COLLATE utf8mb4_general_ci";

/** Shapes a case-insensitive, PAD SPACE comparison must get wrong on the generated rows. */
const mustBeWrongNaively = ["str_eq", "str_ne", "str_lt", "in_str_list", "value_in_tags", "owner_department_eq"];

/**
 * The trap the MariaDB suite is run on: every translated action that compares strings, run once
 * more with the string comparisons under the tables' own collation (utf8mb4_general_ci: 'Bob' =
 * 'bob', 'a' = 'a ') instead of utf8mb4_nopad_bin. Those that then disagree with CheckResources
 * are the rows an adapter emitting plain `=` returns wrongly.
 */
export function describeCollationTrap(context: SuiteContext, label: string, actions: readonly string[]): void {
  it(`a naive comparison under the tables' case-insensitive collation would be wrong (${label})`, async () => {
    const { plans, decisions } = context.oracle();
    const { Item } = context.models(label);
    const wrong: string[] = [];
    let compared = 0;
    for (const action of actions) {
      const queryPlan = plans.get(action);
      const allowed = decisions.explicit.get(action);
      if (!queryPlan || !allowed) throw new Error(`no plan or no decisions for ${action}`);
      const exact = queryPlanToSql({ queryPlan, model: Item, mapper: hostileMapper("explicit") });
      if (!exact.includes(EXACT)) continue;
      compared += 1;
      const naive = Sequelize.literal(exact.replaceAll(EXACT, NAIVE));
      const rows = await Item.findAll({ where: naive, attributes: ["id"], raw: true });
      const ids = rows.map((row) => String((row as unknown as { id: unknown }).id));
      if (ids.length !== allowed.size || ids.some((id) => !allowed.has(id))) wrong.push(action);
    }
    console.log(
      `authz differential on ${label}: a naive comparison under utf8mb4_general_ci is wrong on ` +
        `${wrong.length} of ${compared} actions that compare strings: ${wrong.join(" ")}`,
    );
    expect(wrong).toEqual(expect.arrayContaining(mustBeWrongNaively));
  });
}
