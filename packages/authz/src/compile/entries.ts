import { ResourceMappingError, UnsupportedQueryPlanError } from "../errors.ts";
import type { RelationLayout } from "../layout.ts";
import { type AnyModel, associationNames, type MapperEntry, type NullRepresentation, resolveHops } from "../mapper.ts";
import { and, isNotTrue, or, TRUE } from "../sql.ts";
import { columnScalar } from "./columns.ts";
import { joinChain } from "./joins.ts";
import type { Binding, Context, Operand, Scalar } from "./types.ts";

/** The scope an entry is read in: the root mapper, or the fields of a list element. */
export interface EntryScope {
  readonly inherited: NullRepresentation;
  /** The scope's relation layout (undefined for a function mapper, which cannot list its entries). */
  readonly layout: () => RelationLayout | undefined;
}

function refuse(path: string, reason: string): never {
  throw new UnsupportedQueryPlanError("attribute", path, reason);
}

/** How the scope shows a missing row of `chain`; a mapper error becomes a refusal. */
function representationOf(scope: EntryScope, entry: MapperEntry, chain: string, path: string): NullRepresentation {
  try {
    const layout = scope.layout();
    if (layout !== undefined) return layout.representation(chain);
  } catch (error) {
    if (error instanceof ResourceMappingError) refuse(path, error.message);
    throw error;
  }
  if (entry.nullRepresentation === undefined) {
    refuse(path, "a relation entry of a function mapper must state its nullRepresentation");
  }
  return entry.nullRepresentation;
}

/**
 * A relation entry (a to-one association with no column): the row as a CEL map. A missing row is
 * `null` (explicit) or no key (omitted); a missing row before the last hop is an error either way.
 */
function relationScalar(
  context: Context,
  alias: string,
  entry: MapperEntry,
  path: string,
  scope: EntryScope,
  model: AnyModel,
): Scalar {
  const hops = resolveHops(model, entry, path);
  const chain = associationNames(entry).join(".");
  const { present, reachable } = joinChain(context, alias, hops);
  const parent = hops.length > 1 ? joinChain(context, alias, hops.slice(0, -1)).present : TRUE;
  if (representationOf(scope, entry, chain, path) === "explicit") {
    // NULL exactly when no row exists; a hasOne with a second row is an error, never null.
    const single = reachable === present ? TRUE : or(present, isNotTrue(reachable));
    return { sql: `(CASE WHEN ${reachable} THEN 1 END)`, type: "map", nullable: true, ok: and(parent, single), path };
  }
  return { sql: `(CASE WHEN ${present} THEN 1 END)`, type: "map", nullable: false, ok: present, path };
}

/** An entry relative to `model` under `alias`: a column, a to-one chain, a relation, or a to-many collection. */
export function entryOperand(
  context: Context,
  model: AnyModel,
  alias: string,
  entry: MapperEntry,
  path: string,
  scope: EntryScope,
): Operand {
  const nullRepresentation = entry.nullRepresentation ?? scope.inherited;
  const hops = resolveHops(model, entry, path);
  const last = hops.at(-1);
  if (last === undefined) {
    if (entry.column === undefined) refuse(path, "the mapper entry has neither column nor association");
    const scalar = columnScalar(context, model, entry.column, { alias }, { path, nullRepresentation });
    return { kind: "scalar", scalar };
  }
  if (!last.toMany) {
    if (entry.column === undefined) {
      return { kind: "scalar", scalar: relationScalar(context, alias, entry, path, scope, model) };
    }
    const chain = joinChain(context, alias, hops);
    // LIMIT 1: a hasOne's second row makes `present` false; the value must not abort the statement.
    const wrap = (column: string) => `(SELECT ${column} FROM ${chain.from} WHERE ${chain.where} LIMIT 1)`;
    const scalar = columnScalar(
      context,
      last.target,
      entry.column,
      { alias: chain.alias, wrap },
      { path, nullRepresentation, present: chain.present },
    );
    return { kind: "scalar", scalar };
  }
  const chain = joinChain(context, alias, hops);
  // A collection behind a missing to-one row is absent too: its size, membership and macros err.
  const ok = hops.length > 1 ? joinChain(context, alias, hops.slice(0, -1)).present : TRUE;
  const element: Binding =
    entry.column === undefined
      ? { kind: "object", model: last.target, alias: chain.alias, fields: entry.fields, nullRepresentation, path }
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
  return { kind: "collection", collection: { from: chain.from, where: chain.where, element, ok, path } };
}
