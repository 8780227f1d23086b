import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const hostilePoliciesDir = fileURLToPath(new URL("../policies", import.meta.url));

/** Every action of the hostile policy, in file order (each rule names exactly one action). */
export function hostileActions(): string[] {
  const policy = readFileSync(`${hostilePoliciesDir}/hostile.yaml`, "utf8");
  const actions = [...policy.matchAll(/^\s*actions: \[(\w+)\]$/gm)].map((match) => match[1] ?? "");
  return [...new Set(actions)];
}

export const isRefusedAction = (action: string): boolean => action.startsWith("refused_");
