import type { Value } from "@cerbos/core";
import type { Model } from "sequelize";
import { typeKey } from "./compile/columns.ts";
import { ResourceMappingError } from "./errors.ts";
import { describeWriter, pairedObjects, type RelationLayout, relationLayout, type Writer } from "./layout.ts";
import type { AnyModel, MapperEntry, NullRepresentation } from "./mapper.ts";

export type Attributes = Record<string, Value>;

function dataValues(instance: Model): Record<string, unknown> {
  return (instance as unknown as { dataValues: Record<string, unknown> }).dataValues;
}

/** A column value as Cerbos sees it: dates as RFC 3339 text, BIGINT strings as numbers, NaN/±Inf as null (JSON has neither). */
function celValue(model: AnyModel, attribute: string, value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && typeKey(model, attribute) === "BIGINT") return Number(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  throw new ResourceMappingError(`${model.name}.${attribute} holds a value Cerbos cannot receive (${typeof value})`);
}

/** A mapped column of a loaded row; a column the row was loaded without throws (never a silent null). */
function column(row: Model, model: AnyModel, attribute: string, path: string): Value {
  if (!Object.hasOwn(dataValues(row), attribute)) {
    throw new ResourceMappingError(
      `${path} needs column "${attribute}" of ${model.name}, which is not loaded on the instance ` +
        "(loaded with narrower attributes?)",
    );
  }
  return celValue(model, attribute, row.get(attribute));
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

function isObject(value: Value | undefined): value is Attributes {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Sets `value` at a dotted path, creating the objects on the way. */
function setNested(target: Attributes, path: string, value: Value): void {
  const parts = path.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (isObject(next)) node = next;
    else {
      const created: Attributes = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts.at(-1)!] = value;
}

function ensureObject(target: Attributes, path: string): void {
  let node = target;
  for (const part of path.split(".")) {
    const next = node[part];
    if (isObject(next)) node = next;
    else {
      const created: Attributes = {};
      node[part] = created;
      node = created;
    }
  }
}

const layouts = new WeakMap<object, Map<string, RelationLayout>>();

/** The layout of a scope, cached per entries object (a mapper or a `fields` record) and model. */
export function scopeLayout(
  cacheKey: object | undefined,
  model: AnyModel,
  writers: () => readonly Writer[],
  inherited: NullRepresentation,
  where: string,
): RelationLayout {
  const variant = `${model.name}\u0000${inherited}`;
  const cached = cacheKey === undefined ? undefined : layouts.get(cacheKey)?.get(variant);
  if (cached !== undefined) return cached;
  const layout = relationLayout(writers(), inherited, where);
  if (cacheKey !== undefined) layouts.set(cacheKey, (layouts.get(cacheKey) ?? new Map()).set(variant, layout));
  return layout;
}

export interface Scope {
  readonly model: AnyModel;
  readonly writers: readonly Writer[];
  readonly layout: RelationLayout;
  readonly inherited: NullRepresentation;
}

function elementScope(
  model: AnyModel,
  fields: Readonly<Record<string, MapperEntry>> | undefined,
  inherited: NullRepresentation,
  path: string,
): Scope {
  const entries = fields ?? Object.fromEntries(Object.keys(model.getAttributes()).map((a) => [a, { column: a }]));
  const writers = Object.entries(entries).map(([field, entry]) =>
    describeWriter(model, field, entry, `${path}.${field}`),
  );
  const layout = scopeLayout(fields, model, () => writers, inherited, path);
  return { model, writers, layout, inherited };
}

/** The hop rows of a writer, in order, until the first missing one (then `missingAt` is its 1-based index). */
function walk(instance: Model, scope: Scope, writer: Writer, path: string) {
  const { hops } = writer;
  let row = instance;
  let model = scope.model;
  for (const [index, hop] of hops.entries()) {
    if (hop.toMany) return { row, model, hop, missingAt: undefined };
    const next = loaded(row, model, hop.name, path) as Model | null | undefined;
    if (next === null || next === undefined) return { row, model, hop: undefined, missingAt: index + 1 };
    row = next;
    model = hop.target;
  }
  return { row, model, hop: undefined, missingAt: undefined };
}

/** Builds the attributes of one scope (the resource's `attr`, or one element of a list of objects). */
export function buildScope(instance: Model, scope: Scope, where: (path: string) => string): Attributes {
  const attr: Attributes = {};
  for (const writer of scope.writers) {
    const path = where(writer.path);
    const objects = [...pairedObjects(writer)].filter(([object, key]) => scope.layout.objects.get(object) === key);
    const { row, model, hop, missingAt } = walk(instance, scope, writer, path);
    for (const [object, key] of objects) {
      const depth = key.split(".").length;
      if (missingAt === undefined || depth < missingAt) ensureObject(attr, object);
      else if (depth === missingAt && scope.layout.representation(key) === "explicit") setNested(attr, object, null);
    }
    if (missingAt !== undefined || writer.relation) continue;
    const representation = writer.entry.nullRepresentation ?? scope.inherited;
    const { column: attribute, fields } = writer.entry;
    if (hop !== undefined) {
      const value = loaded(row, model, hop.name, path);
      const rows = Array.isArray(value) ? (value as Model[]) : [];
      const inner = attribute === undefined ? elementScope(hop.target, fields, representation, path) : undefined;
      const list = rows.map((element) =>
        inner === undefined
          ? column(element, hop.target, attribute!, path)
          : buildScope(element, inner, (field) => `${path}.${field}`),
      );
      setNested(attr, writer.path, list);
      continue;
    }
    if (attribute === undefined) throw new ResourceMappingError(`${path}: the mapper entry has no column`);
    const value = column(row, model, attribute, path);
    if (value !== null || representation === "explicit") setNested(attr, writer.path, value);
  }
  return attr;
}
