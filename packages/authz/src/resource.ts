import type { Value } from "@cerbos/core";
import type { Model } from "sequelize";
import { ResourceMappingError } from "./errors.ts";
import { describeWriter } from "./layout.ts";
import { type AnyModel, associationNames, type Mapper, type MapperEntry } from "./mapper.ts";
import { buildScope, scopeLayout } from "./resource-scope.ts";

const RESOURCE_ID = "request.resource.id";
const RESOURCE_ATTR = "request.resource.attr.";

export interface CerbosResource {
  kind: string;
  id: string;
  attr: Record<string, Value>;
}

export interface ToCerbosResourceOptions {
  kind: string;
  mapper: Mapper;
  /** The plan paths to build, required when `mapper` is a function (it cannot list them). */
  paths?: readonly string[];
}

function mappedPaths(mapper: Mapper, paths: readonly string[] | undefined): readonly string[] {
  if (paths !== undefined) return paths;
  if (typeof mapper === "function") {
    throw new ResourceMappingError("toCerbosResource needs `paths` when the mapper is a function");
  }
  return Object.keys(mapper);
}

/** The `request.resource.attr.*` entries of a mapper, keyed by their path relative to `attr`. */
export function attributeEntries(mapper: Mapper, paths: readonly string[]): [string, MapperEntry][] {
  const entries: [string, MapperEntry][] = [];
  for (const path of paths) {
    if (path === RESOURCE_ID) continue;
    const entry = typeof mapper === "function" ? mapper(path) : Object.hasOwn(mapper, path) ? mapper[path] : undefined;
    if (entry === undefined) throw new ResourceMappingError(`the mapper has no entry for ${path}`);
    if (!path.startsWith(RESOURCE_ATTR)) throw new ResourceMappingError(`cannot map ${path} onto a resource`);
    entries.push([path.slice(RESOURCE_ATTR.length), entry]);
  }
  return entries;
}

function resourceId(instance: Model, model: AnyModel, mapper: Mapper): unknown {
  const entry = typeof mapper === "function" ? mapper(RESOURCE_ID) : mapper[RESOURCE_ID];
  if (entry === undefined) return instance.get(model.primaryKeyAttribute);
  if (entry.column === undefined || associationNames(entry).length > 0) {
    throw new ResourceMappingError(`${RESOURCE_ID} must map to a column of ${model.name}`);
  }
  return instance.get(entry.column);
}

/**
 * Builds the Cerbos resource for one row from the same mapper the list filter uses. Every
 * association the mapper needs must be loaded (see resourceInclude), and every mapped column; a
 * missing one throws. A to-one association with no row is absent: no object is invented for it
 * (see the README: `null` or no key, as the relation's representation says).
 */
export function toCerbosResource(instance: Model, options: ToCerbosResourceOptions): CerbosResource {
  const model = instance.constructor as AnyModel;
  const { mapper } = options;
  const paths = mappedPaths(mapper, options.paths);
  const writers = () =>
    attributeEntries(mapper, paths).map(([path, entry]) =>
      describeWriter(model, path, entry, `${RESOURCE_ATTR}${path}`),
    );
  const described = writers();
  const cacheKey = typeof mapper === "function" || options.paths !== undefined ? undefined : mapper;
  const layout = scopeLayout(cacheKey, model, () => described, "explicit", "the mapper");
  const attr = buildScope(
    instance,
    { model, writers: described, layout, inherited: "explicit" },
    (path) => `${RESOURCE_ATTR}${path}`,
  );
  const id = paths.includes(RESOURCE_ID)
    ? resourceId(instance, model, mapper)
    : instance.get(model.primaryKeyAttribute);
  if (id === null || id === undefined) throw new ResourceMappingError(`${model.name} instance has no id`);
  return { kind: options.kind, id: String(id), attr };
}
