import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * Cerbos does not check policy expressions against the attribute schemas: a policy reading
 * `R.attr.isActiv` compiles and silently never matches. This finds every resource and principal
 * attribute a policy (or a derived role it uses) reads that its schema does not declare.
 */
export interface UnknownAttribute {
  policyFile: string;
  kind: string;
  attribute: string;
  schema: string;
}

const RESOURCE_ATTR = /\b(?:R|request\.resource)\.attr\.([A-Za-z_][A-Za-z0-9_]*)/g;
const PRINCIPAL_ATTR = /\b(?:P|request\.principal)\.attr\.([A-Za-z_][A-Za-z0-9_]*)/g;

type Yaml = unknown;

function expressionsIn(node: Yaml): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(expressionsIn);
  if (node && typeof node === "object") return Object.values(node).flatMap(expressionsIn);
  return [];
}

function matches(expressions: string[], pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const expression of expressions) for (const m of expression.matchAll(pattern)) if (m[1]) found.add(m[1]);
  return found;
}

function schemaProperties(policiesDir: string, ref: string | undefined): { file: string; properties: Set<string> } {
  if (!ref) throw new Error("a resource policy without a schema ref cannot be checked");
  const file = ref.replace(/^cerbos:\/\/\//, "");
  const schema = JSON.parse(readFileSync(join(policiesDir, "_schemas", file), "utf8")) as {
    properties?: Record<string, unknown>;
  };
  return { file, properties: new Set(Object.keys(schema.properties ?? {})) };
}

interface DerivedRoleDefinition {
  name: string;
  condition?: Yaml;
}

export function findUnknownAttributes(policiesDir: string): UnknownAttribute[] {
  const files = readdirSync(policiesDir).filter((f) => /\.ya?ml$/.test(f));
  const documents = files.map((file) => ({ file, doc: parse(readFileSync(join(policiesDir, file), "utf8")) }));

  const derivedRoles = new Map<string, Map<string, DerivedRoleDefinition>>();
  for (const { doc } of documents) {
    const set = doc?.derivedRoles as { name: string; definitions: DerivedRoleDefinition[] } | undefined;
    if (set) derivedRoles.set(set.name, new Map(set.definitions.map((d) => [d.name, d])));
  }

  const problems: UnknownAttribute[] = [];
  for (const { file, doc } of documents) {
    const policy = doc?.resourcePolicy as
      | {
          resource: string;
          importDerivedRoles?: string[];
          schemas?: { principalSchema?: { ref?: string }; resourceSchema?: { ref?: string } };
          rules: { derivedRoles?: string[]; condition?: Yaml }[];
          variables?: Yaml;
        }
      | undefined;
    if (!policy) continue;
    const expressions = [
      ...expressionsIn(policy.variables),
      ...policy.rules.flatMap((r) => expressionsIn(r.condition)),
    ];
    const usedRoles = new Set(policy.rules.flatMap((r) => r.derivedRoles ?? []));
    for (const setName of policy.importDerivedRoles ?? []) {
      for (const [name, definition] of derivedRoles.get(setName) ?? []) {
        if (usedRoles.has(name)) expressions.push(...expressionsIn(definition.condition));
      }
    }
    const resourceSchema = schemaProperties(policiesDir, policy.schemas?.resourceSchema?.ref);
    for (const attribute of matches(expressions, RESOURCE_ATTR)) {
      if (!resourceSchema.properties.has(attribute)) {
        problems.push({ policyFile: file, kind: policy.resource, attribute, schema: resourceSchema.file });
      }
    }
    const principalSchema = schemaProperties(policiesDir, policy.schemas?.principalSchema?.ref);
    for (const attribute of matches(expressions, PRINCIPAL_ATTR)) {
      if (!principalSchema.properties.has(attribute)) {
        problems.push({ policyFile: file, kind: "principal", attribute, schema: principalSchema.file });
      }
    }
  }
  return problems;
}
