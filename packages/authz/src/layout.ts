import { ResourceMappingError } from "./errors.ts";
import {
  type AnyModel,
  associationNames,
  type Hop,
  type MapperEntry,
  type NullRepresentation,
  resolveHops,
} from "./mapper.ts";

/**
 * Where the rows of to-one associations live in a Cerbos resource, and how a missing row is shown.
 * Shared by toCerbosResource and the translator, so both read a mapper the same way.
 */
export interface RelationLayout {
  /** Association chain ("owner", "owner.manager") → how its missing row is shown: `null` or no key. */
  representation(chain: string): NullRepresentation;
  /** Object path (relative to the scope) → the association chain whose row that object holds. */
  readonly objects: ReadonlyMap<string, string>;
}

/** One mapper entry as the layout sees it. */
export interface Writer {
  readonly path: string;
  readonly entry: MapperEntry;
  readonly hops: readonly Hop[];
  /** The to-one association names the value is reached through (the to-many last hop excluded). */
  readonly toOne: readonly string[];
  /** A relation entry: a to-one association with no column (the row itself, `R.attr.owner`). */
  readonly relation: boolean;
}

/** `errorPath` names the entry in error messages (the full plan path). */
export function describeWriter(model: AnyModel, path: string, entry: MapperEntry, errorPath = path): Writer {
  const names = associationNames(entry);
  const hops = resolveHops(model, entry, errorPath);
  const last = hops.at(-1);
  const toOne = last?.toMany ? names.slice(0, -1) : names;
  return { path, entry, hops, toOne, relation: last !== undefined && !last.toMany && entry.column === undefined };
}

const chainKey = (names: readonly string[], count: number) => names.slice(0, count).join(".");

/**
 * The object paths a writer pairs with its hops: the k-th object level holds the k-th hop's row
 * when the path has exactly one object level per to-one hop (`owner.manager.department`); a
 * relation entry's own path holds its last hop's row. Other layouts pair nothing.
 */
export function pairedObjects(writer: Writer): Map<string, string> {
  const segments = writer.path.split(".");
  const pairs = new Map<string, string>();
  const hops = writer.toOne.length;
  const levels = writer.relation ? segments.length : segments.length - 1;
  if (levels === hops) {
    for (let k = 1; k <= hops; k++) pairs.set(segments.slice(0, k).join("."), chainKey(writer.toOne, k));
  } else if (writer.relation) {
    pairs.set(writer.path, chainKey(writer.toOne, hops));
  }
  return pairs;
}

/** Every object level a writer writes into (its path's prefixes; a relation entry's own path too). */
function enclosingObjects(writer: Writer): string[] {
  const segments = writer.path.split(".");
  const levels = writer.relation ? segments.length : segments.length - 1;
  return Array.from({ length: levels }, (_, index) => segments.slice(0, index + 1).join("."));
}

/** Computes the layout of one scope: the root mapper's attributes, or the fields of a list element. */
export function relationLayout(
  writers: readonly Writer[],
  inherited: NullRepresentation,
  where: string,
): RelationLayout {
  const votes = new Map<string, Set<NullRepresentation>>();
  const declared = new Map<string, { representation: NullRepresentation | undefined; path: string }>();
  for (const writer of writers) {
    const own = writer.entry.nullRepresentation;
    if (writer.relation) {
      const key = chainKey(writer.toOne, writer.toOne.length);
      const previous = declared.get(key);
      if (previous !== undefined && previous.representation !== own) {
        throw new ResourceMappingError(
          `${where}: relation entries ${previous.path} and ${writer.path} declare association "${key}" differently`,
        );
      }
      declared.set(key, { representation: own, path: writer.path });
      continue;
    }
    for (let k = 1; k <= writer.toOne.length; k++) {
      const key = chainKey(writer.toOne, k);
      const set = votes.get(key) ?? new Set<NullRepresentation>();
      set.add(own ?? inherited);
      votes.set(key, set);
    }
  }
  const representation = (chain: string): NullRepresentation => {
    const stated = declared.get(chain)?.representation;
    if (stated !== undefined) return stated;
    const voted = [...(votes.get(chain) ?? [])];
    if (voted.length > 1) {
      throw new ResourceMappingError(
        `${where}: the entries behind association "${chain}" mix explicit and omitted NULLs, so a missing row ` +
          `has no single representation; add a relation entry { association: "${chain}", nullRepresentation }`,
      );
    }
    return voted[0] ?? inherited;
  };
  for (const key of new Set([...votes.keys(), ...declared.keys()])) representation(key);
  // An object holds a row when writers pair it with exactly one chain and every writer inside it
  // is reached through that chain; a root column (or another association) inside makes it shared.
  const paired = new Map<string, Set<string>>();
  const inside = new Map<string, Writer[]>();
  for (const writer of writers) {
    for (const [object, key] of pairedObjects(writer)) paired.set(object, (paired.get(object) ?? new Set()).add(key));
    for (const object of enclosingObjects(writer)) inside.set(object, [...(inside.get(object) ?? []), writer]);
  }
  const objects = new Map<string, string>();
  for (const [object, keys] of paired) {
    const [key] = keys;
    if (keys.size !== 1 || key === undefined) continue;
    const depth = key.split(".").length;
    if ((inside.get(object) ?? []).every((writer) => chainKey(writer.toOne, depth) === key)) objects.set(object, key);
  }
  for (const writer of writers.filter((w) => w.relation)) {
    if (!objects.has(writer.path)) {
      throw new ResourceMappingError(
        `${where}: relation entry ${writer.path} shares its object with entries not behind association ` +
          `"${writer.toOne.join(".")}" (e.g. a root column), so a missing row cannot be shown as null or absent`,
      );
    }
  }
  return { representation, objects };
}
