import { ResourceMappingError, UnsupportedQueryPlanError } from "../errors.ts";
import { describeWriter } from "../layout.ts";
import { lookupEntry, type MapperEntry } from "../mapper.ts";
import { attributeEntries } from "../resource.ts";
import { scopeLayout } from "../resource-scope.ts";
import { FALSE } from "../sql.ts";
import { type EntryScope, entryOperand } from "./entries.ts";
import { constantScalar, isScalarValue } from "./operands.ts";
import type { Binding, Context, ObjectRow, Operand } from "./types.ts";

const RESOURCE_ID = "request.resource.id";
const RESOURCE_ATTR = "request.resource.attr.";

function unknownPath(path: string, reason: string): never {
  throw new UnsupportedQueryPlanError("attribute", path, reason);
}

function fieldOf(context: Context, row: ObjectRow, field: string): Operand {
  const path = `${row.path}.${field}`;
  const entry =
    row.fields !== undefined
      ? row.fields[field]
      : row.model.getAttributes()[field] !== undefined
        ? { column: field }
        : undefined;
  if (entry === undefined) unknownPath(path, `no field "${field}" on elements of ${row.path}`);
  const { fields } = row;
  const scope: EntryScope = {
    inherited: row.nullRepresentation,
    layout: () =>
      fields === undefined
        ? undefined
        : scopeLayout(
            fields,
            row.model,
            () =>
              Object.entries(fields).map(([key, value]) => describeWriter(row.model, key, value, `${row.path}.${key}`)),
            row.nullRepresentation,
            row.path,
          ),
  };
  return entryOperand(context, row.model, row.alias, entry, path, scope);
}

/** A field of a literal item, e.g. `t.id` over a principal's list of maps; a missing key is a CEL error. */
function constantOperand(context: Context, name: string, value: unknown, rest: string | undefined): Operand {
  let current = value;
  for (const key of rest === undefined ? [] : rest.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) {
      const error = constantScalar(context, null);
      return { kind: "scalar", scalar: { ...error, ok: FALSE, path: name } };
    }
    current = (current as Record<string, unknown>)[key];
  }
  if (isScalarValue(current)) return { kind: "scalar", scalar: { ...constantScalar(context, current), path: name } };
  if (Array.isArray(current)) return { kind: "list", items: current, path: name };
  throw new UnsupportedQueryPlanError("lambda", name, "a whole map from a literal list cannot be compared in SQL");
}

function bindingOperand(context: Context, name: string, binding: Binding, rest: string | undefined): Operand {
  if (binding.kind === "constant") return constantOperand(context, name, binding.value, rest);
  if (binding.kind === "scalar") {
    if (rest === undefined) return { kind: "scalar", scalar: binding.scalar };
    throw new UnsupportedQueryPlanError("get-field", `${name}.${rest}`, "a field of a scalar list element");
  }
  if (rest === undefined) {
    throw new UnsupportedQueryPlanError("lambda", name, "a whole object element cannot be compared in SQL");
  }
  return fieldOf(context, binding, rest);
}

/** The root scope: the mapper's own layout (checked once per mapper), or none for a function mapper. */
function rootScope(context: Context): EntryScope {
  const { mapper, rootModel } = context;
  return {
    inherited: "explicit",
    layout: () =>
      typeof mapper === "function"
        ? undefined
        : scopeLayout(
            mapper,
            rootModel,
            () =>
              attributeEntries(mapper, Object.keys(mapper)).map(([path, entry]) =>
                describeWriter(rootModel, path, entry, `request.resource.attr.${path}`),
              ),
            "explicit",
            "the mapper",
          ),
  };
}

function resourceId(context: Context, entry: MapperEntry): Operand {
  const operand = entryOperand(context, context.rootModel, context.rootAlias, entry, RESOURCE_ID, rootScope(context));
  if (operand.kind !== "scalar") return unknownPath(RESOURCE_ID, "the resource id must map to a column");
  const { scalar } = operand;
  // The resource id is a string in Cerbos whatever the key's type.
  const sql = scalar.type === "string" ? scalar.sql : context.dialect.text(scalar.sql);
  return { kind: "scalar", scalar: { ...scalar, sql, type: "string", integral: false, numberKind: undefined } };
}

/** Resolves a plan variable: a lambda variable (or a field of one), or a mapped resource path. */
export function resolveVariable(context: Context, name: string): Operand {
  const bindings = [...context.scope.entries()].reverse();
  for (const [variable, binding] of bindings) {
    if (name === variable) return bindingOperand(context, name, binding, undefined);
    if (name.startsWith(`${variable}.`)) {
      return bindingOperand(context, variable, binding, name.slice(variable.length + 1));
    }
  }
  if (name !== RESOURCE_ID && !name.startsWith(RESOURCE_ATTR)) {
    return unknownPath(name, "only request.resource.id and request.resource.attr.* can be mapped to columns");
  }
  const entry = lookupEntry(context.mapper, name);
  if (entry === undefined) return unknownPath(name, "the mapper has no entry for this attribute");
  if (name === RESOURCE_ID) return resourceId(context, entry);
  const scope = rootScope(context);
  // A mapper whose relations cannot be shown one way (see layout.ts) is refused for every plan.
  try {
    scope.layout();
  } catch (error) {
    if (error instanceof ResourceMappingError) unknownPath(name, error.message);
    throw error;
  }
  return entryOperand(context, context.rootModel, context.rootAlias, entry, name, scope);
}
