import type { Value } from "@cerbos/core";
import type { Model } from "sequelize";
import { typeKey } from "./compile/columns.ts";
import { ResourceMappingError } from "./errors.ts";
import {
  type AnyModel,
  associationNames,
  type Mapper,
  type MapperEntry,
  type NullRepresentation,
  resolveHops,
} from "./mapper.ts";

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

const ABSENT = Symbol("absent");

function dataValues(instance: Model): Record<string, unknown> {
  return (instance as unknown as { dataValues: Record<string, unknown> }).dataValues;
}

/** Converts a column value to what Cerbos sees: dates as RFC 3339 text, Postgres BIGINT strings as numbers. */
function celValue(model: AnyModel, attribute: string, value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" && typeKey(model, attribute) === "BIGINT") return Number(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new ResourceMappingError(`${model.name}.${attribute} holds a value Cerbos cannot receive (${typeof value})`);
}

function setNested(target: Record<string, Value>, key: string, value: Value): void {
  const parts = key.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next === "object" && next !== null && !Array.isArray(next)) {
      node = next;
    } else {
      const created: Record<string, Value> = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts.at(-1)!] = value;
}

function loaded(instance: Model, model: AnyModel, name: string, path: string): unknown {
  const values = dataValues(instance);
  if (!Object.hasOwn(values, name)) {
    throw new ResourceMappingError(
      `${path} needs association "${name}" of ${model.name}, which is not loaded on the instance: ` +
        "load it with include: resourceInclude(model, mapper)",
    );
  }
  return values[name];
}

function objectElement(
  instance: Model,
  model: AnyModel,
  fields: Readonly<Record<string, MapperEntry>> | undefined,
  nullRepresentation: NullRepresentation,
  path: string,
): Record<string, Value> {
  const entries = fields ?? Object.fromEntries(Object.keys(model.getAttributes()).map((a) => [a, { column: a }]));
  const element: Record<string, Value> = {};
  for (const [field, entry] of Object.entries(entries)) {
    const value = entryValue(instance, model, entry, `${path}.${field}`, nullRepresentation);
    if (value !== ABSENT) setNested(element, field, value);
  }
  return element;
}

/** The value an entry gives for `instance`, or ABSENT when it is NULL and shown as omitted. */
function entryValue(
  instance: Model,
  model: AnyModel,
  entry: MapperEntry,
  path: string,
  inherited: NullRepresentation,
): Value | typeof ABSENT {
  const nullRepresentation = entry.nullRepresentation ?? inherited;
  const hops = resolveHops(model, entry, path);
  let current: Model | null = instance;
  let currentModel = model;
  for (const hop of hops) {
    const value: unknown = current === null ? null : loaded(current, currentModel, hop.name, path);
    if (hop.toMany) {
      const rows = Array.isArray(value) ? (value as Model[]) : [];
      const column = entry.column;
      return column === undefined
        ? rows.map((row) => objectElement(row, hop.target, entry.fields, nullRepresentation, path))
        : rows.map((row) => celValue(hop.target, column, row.get(column)));
    }
    current = (value as Model | null | undefined) ?? null;
    currentModel = hop.target;
  }
  if (entry.column === undefined) throw new ResourceMappingError(`${path}: the mapper entry has no column`);
  const value = current === null ? null : celValue(currentModel, entry.column, current.get(entry.column));
  return value === null && nullRepresentation === "omitted" ? ABSENT : value;
}

function mappedPaths(mapper: Mapper, paths: readonly string[] | undefined): readonly string[] {
  if (paths !== undefined) return paths;
  if (typeof mapper === "function") {
    throw new ResourceMappingError("toCerbosResource needs `paths` when the mapper is a function");
  }
  return Object.keys(mapper);
}

/**
 * Builds the Cerbos resource for one row from the same mapper the list filter uses. Every
 * association the mapper needs must be loaded (see resourceInclude); a missing one throws.
 */
export function toCerbosResource(instance: Model, options: ToCerbosResourceOptions): CerbosResource {
  const model = instance.constructor as AnyModel;
  const { mapper } = options;
  const lookup = (path: string) => (typeof mapper === "function" ? mapper(path) : mapper[path]);
  const attr: Record<string, Value> = {};
  let id: unknown = instance.get(model.primaryKeyAttribute);
  for (const path of mappedPaths(mapper, options.paths)) {
    const entry = lookup(path);
    if (entry === undefined) throw new ResourceMappingError(`the mapper has no entry for ${path}`);
    if (path === RESOURCE_ID) {
      if (entry.column === undefined || associationNames(entry).length > 0) {
        throw new ResourceMappingError(`${path} must map to a column of ${model.name}`);
      }
      id = instance.get(entry.column);
      continue;
    }
    if (!path.startsWith(RESOURCE_ATTR)) throw new ResourceMappingError(`cannot map ${path} onto a resource`);
    const value = entryValue(instance, model, entry, path, "explicit");
    if (value !== ABSENT) setNested(attr, path.slice(RESOURCE_ATTR.length), value);
  }
  if (id === null || id === undefined) throw new ResourceMappingError(`${model.name} instance has no id`);
  return { kind: options.kind, id: String(id), attr };
}
