import type { Includeable } from "sequelize";
import { ResourceMappingError } from "./errors.ts";
import { type AnyModel, associationNames, type Mapper, type MapperEntry, resolveHops } from "./mapper.ts";

interface IncludeNode {
  readonly children: Map<string, IncludeNode>;
  junction: boolean;
}

const newNode = (): IncludeNode => ({ children: new Map(), junction: false });

function addEntry(node: IncludeNode, model: AnyModel, entry: MapperEntry, path: string): void {
  const hops = resolveHops(model, entry, path);
  let current = node;
  for (const [index, name] of associationNames(entry).entries()) {
    const child = current.children.get(name) ?? newNode();
    child.junction = hops[index]?.kind === "through";
    current.children.set(name, child);
    current = child;
  }
  const last = hops.at(-1);
  if (last?.toMany && entry.column === undefined && entry.fields !== undefined) {
    for (const [field, fieldEntry] of Object.entries(entry.fields)) {
      addEntry(current, last.target, fieldEntry, `${path}.${field}`);
    }
  }
}

function toIncludes(node: IncludeNode): Includeable[] {
  return [...node.children.entries()].map(([association, child]) => ({
    association,
    ...(child.junction ? { through: { attributes: [] } } : {}),
    ...(child.children.size > 0 ? { include: toIncludes(child) } : {}),
  }));
}

/** The `include` that loads every association toCerbosResource needs for `model` with `mapper`. */
export function resourceInclude(model: AnyModel, mapper: Mapper, paths?: readonly string[]): Includeable[] {
  const root = newNode();
  if (paths === undefined && typeof mapper === "function") {
    throw new ResourceMappingError("resourceInclude needs `paths` when the mapper is a function");
  }
  const keys = paths ?? Object.keys(mapper);
  for (const path of keys) {
    const entry = typeof mapper === "function" ? mapper(path) : mapper[path];
    if (entry !== undefined) addEntry(root, model, entry, path);
  }
  return toIncludes(root);
}
