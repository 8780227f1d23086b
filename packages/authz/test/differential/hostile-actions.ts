import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const hostilePoliciesDir = fileURLToPath(new URL("../policies", import.meta.url));

/** Every action of the hostile policy with the text of its rules, in file order. */
export function hostileRules(): Map<string, string> {
  const policy = readFileSync(`${hostilePoliciesDir}/hostile.yaml`, "utf8");
  const rules = new Map<string, string>();
  for (const block of policy.split(/^\s*- name: /m).slice(1)) {
    const action = /^\s*actions: \[(\w+)\]$/m.exec(block)?.[1];
    if (action) rules.set(action, `${rules.get(action) ?? ""}${block}`);
  }
  return rules;
}

export function hostileActions(): string[] {
  return [...hostileRules().keys()];
}

export const isRefusedAction = (action: string): boolean => action.startsWith("refused_");

const nullableAttribute = /R\.attr\.(nickname|score|flagged|owner|contacts|ratio|weight|path|detail)\b/;

/** Actions whose conditions read an attribute that can be NULL (so its representation matters). */
export function readsNullableAttribute(action: string, rules: Map<string, string>): boolean {
  return nullableAttribute.test(rules.get(action) ?? "");
}
