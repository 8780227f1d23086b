import type { PlanResourcesResponse } from "@cerbos/core";
import type { Model, ModelStatic } from "sequelize";
import { type Mapper, PlanKind, queryPlanToSequelize } from "../../src/index.ts";

export interface SqlDecision {
  kind: PlanKind;
  /** Ids findAll returned with the translated where (all ids when always allowed). */
  ids: Set<string>;
  /** Model.count with the same where. */
  count: number;
  /** The SQL Sequelize ran, for failure messages. */
  statements: string[];
}

/** Translates the plan and runs it: the ids the translated filter lets through. */
export async function decideWithSql(
  model: ModelStatic<Model>,
  queryPlan: PlanResourcesResponse,
  mapper: Mapper,
): Promise<SqlDecision> {
  const result = queryPlanToSequelize({ queryPlan, model, mapper });
  const statements: string[] = [];
  const logging = (sql: string) => statements.push(sql);
  if (result.kind === PlanKind.ALWAYS_DENIED) return { kind: result.kind, ids: new Set(), count: 0, statements };
  const where = result.kind === PlanKind.CONDITIONAL ? result.where : {};
  try {
    const rows = await model.findAll({ where, attributes: ["id"], raw: true, logging });
    const count = await model.count({ where, logging });
    const ids = new Set(rows.map((row) => String((row as unknown as { id: unknown }).id)));
    return { kind: result.kind, ids, count, statements };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the translated filter failed to run: ${reason}\nSQL:\n${statements.join("\n")}`, { cause: error });
  }
}
