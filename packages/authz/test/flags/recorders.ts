import type { CerbosClient } from "../../src/index.ts";

/** The real client, with every PlanResources / CheckResources it forwards recorded. */
export function recordingClient(cerbos: CerbosClient) {
  const calls: Array<{ method: "plan" | "check"; actions: string[]; resources: number }> = [];
  const client: CerbosClient = {
    planResources(request, options) {
      calls.push({ method: "plan", actions: "actions" in request ? request.actions : [request.action], resources: 0 });
      return cerbos.planResources(request, options);
    },
    checkResources(request, options) {
      const actions = [...new Set(request.resources.flatMap((entry) => entry.actions))];
      calls.push({ method: "check", actions, resources: request.resources.length });
      return cerbos.checkResources(request, options);
    },
  };
  return { client, calls };
}

/** A Sequelize `logging` option that keeps every statement. */
export function statementLog() {
  const statements: string[] = [];
  return { statements, logging: (sql: string) => void statements.push(sql) };
}
