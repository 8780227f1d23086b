import { UnsupportedQueryPlanError } from "../errors.ts";
import { type AnyModel, lookupEntry, type MapperEntry, type NullRepresentation, resolveHops } from "../mapper.ts";
import { FALSE, TRUE } from "../sql.ts";
import { columnScalar } from "./columns.ts";
import { joinChain } from "./joins.ts";
import { constantScalar, isScalarValue } from "./operands.ts";
import type { Binding, Context, ObjectRow, Operand } from "./types.ts";

const RESOURCE_ID = "request.resource.id";
const RESOURCE_ATTR = "request.resource.attr.";

function unknownPath(path: string, reason: string): never {
  throw new UnsupportedQueryPlanError("attribute", path, reason);
}

/** An entry relative to `model` under `alias`: a column, a to-one chain, or a to-many collection. */
export function entryOperand(
  context: Context,
  model: AnyModel,
  alias: string,
  entry: MapperEntry,
  path: string,
  inherited: NullRepresentation = "explicit",
): Operand {
  const nullRepresentation = entry.nullRepresentation ?? inherited;
  const hops = resolveHops(model, entry, path);
  const last = hops.at(-1);
  if (last === undefined) {
    if (entry.column === undefined) unknownPath(path, "the mapper entry has neither column nor association");
    const scalar = columnScalar(context, model, entry.column, { alias }, { path, nullRepresentation });
    return { kind: "scalar", scalar };
  }
  const chain = joinChain(context, alias, hops);
  if (!last.toMany) {
    if (entry.column === undefined) unknownPath(path, "a to-one association needs a column");
    const wrap = (column: string) => `(SELECT ${column} FROM ${chain.from} WHERE ${chain.where})`;
    const scalar = columnScalar(
      context,
      last.target,
      entry.column,
      { alias: chain.alias, wrap },
      { path, nullRepresentation, alwaysNullable: true },
    );
    return { kind: "scalar", scalar };
  }
  const element: Binding =
    entry.column === undefined
      ? {
          kind: "object",
          model: last.target,
          alias: chain.alias,
          fields: entry.fields,
          nullRepresentation,
          path,
        }
      : {
          kind: "scalar",
          // A list element is never omitted: a NULL element is a CEL null.
          scalar: columnScalar(
            context,
            last.target,
            entry.column,
            { alias: chain.alias },
            { path, nullRepresentation: "explicit" },
          ),
        };
  return { kind: "collection", collection: { from: chain.from, where: chain.where, element, ok: TRUE, path } };
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
  return entryOperand(context, row.model, row.alias, entry, path, row.nullRepresentation);
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

function resourceId(context: Context, entry: MapperEntry): Operand {
  const operand = entryOperand(context, context.rootModel, context.rootAlias, entry, RESOURCE_ID);
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
  return entryOperand(context, context.rootModel, context.rootAlias, entry, name);
}
