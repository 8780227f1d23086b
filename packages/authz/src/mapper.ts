import type { ModelStatic } from "sequelize";
import { UnsupportedQueryPlanError } from "./errors.ts";

/** How a NULL column is shown to Cerbos: `"x": null` (explicit) or no `x` key at all (omitted). */
export type NullRepresentation = "explicit" | "omitted";

/**
 * Where one Cerbos attribute lives. `column` is a model attribute name (Sequelize maps it to the
 * database field). `association` is a dotted chain (`"company.organization"`) or an array of
 * association names the model defines; every hop but the last must be to-one. A last hop that
 * is to-many makes the attribute a list: of `column` values, or of objects when `column` is
 * absent (their fields are `fields`, or every attribute of the associated model by default).
 */
export interface MapperEntry {
  readonly column?: string;
  readonly association?: string | readonly string[];
  readonly nullRepresentation?: NullRepresentation;
  /** For a list of objects: field name (dotted for nested objects) → entry relative to the element model. */
  readonly fields?: Readonly<Record<string, MapperEntry>>;
}

/** Keyed by the full plan path: `request.resource.id`, `request.resource.attr.ownerId`, ... */
export type Mapper = Readonly<Record<string, MapperEntry>> | ((path: string) => MapperEntry | undefined);

// biome-ignore lint/suspicious/noExplicitAny: Sequelize's own ModelStatic default
export type AnyModel = ModelStatic<any>;

export function lookupEntry(mapper: Mapper, path: string): MapperEntry | undefined {
  if (typeof mapper === "function") return mapper(path);
  return Object.hasOwn(mapper, path) ? mapper[path] : undefined;
}

export function associationNames(entry: MapperEntry): readonly string[] {
  const { association } = entry;
  if (association === undefined) return [];
  return typeof association === "string" ? association.split(".") : association;
}

/** One join step, with database field names read from the Sequelize association. */
export type Hop =
  | {
      readonly kind: "direct";
      readonly name: string;
      readonly toMany: boolean;
      /** A hasOne: the target table may hold more than one row per source row. */
      readonly hasOne: boolean;
      readonly target: AnyModel;
      /** target.targetField = source.sourceField */
      readonly sourceField: string;
      readonly targetField: string;
    }
  | {
      readonly kind: "through";
      readonly name: string;
      readonly toMany: true;
      readonly target: AnyModel;
      readonly through: AnyModel;
      /** through.throughSourceField = source.sourceField; target.targetField = through.throughTargetField */
      readonly sourceField: string;
      readonly throughSourceField: string;
      readonly throughTargetField: string;
      readonly targetField: string;
    };

function field(model: AnyModel, attribute: string): string {
  const definition = model.getAttributes()[attribute];
  return definition?.field ?? attribute;
}

function prop(object: object, key: string): unknown {
  return (object as Record<string, unknown>)[key];
}

function str(object: object, key: string): string {
  const value = prop(object, key);
  if (typeof value !== "string") throw new Error(`Sequelize association without ${key}`);
  return value;
}

export function resolveHop(model: AnyModel, name: string, path: string): Hop {
  const association = model.associations[name];
  const refuse = (reason: string): never => {
    throw new UnsupportedQueryPlanError("attribute", path, reason);
  };
  if (association === undefined) return refuse(`model ${model.name} has no association "${name}"`);
  if (prop(association, "scope") !== undefined) return refuse(`association "${name}" has a scope`);
  const target = association.target as AnyModel;
  if (target.options.paranoid) return refuse(`association "${name}" targets a paranoid model`);
  switch (association.associationType) {
    case "BelongsTo":
      return {
        kind: "direct",
        name,
        toMany: false,
        hasOne: false,
        target,
        sourceField: field(model, str(association, "foreignKey")),
        targetField: field(target, str(association, "targetKey")),
      };
    case "HasOne":
    case "HasMany":
      return {
        kind: "direct",
        name,
        toMany: association.associationType === "HasMany",
        hasOne: association.associationType === "HasOne",
        target,
        sourceField: field(model, str(association, "sourceKey")),
        targetField: field(target, str(association, "foreignKey")),
      };
    case "BelongsToMany": {
      const through = prop(association, "through");
      const throughModel = through && typeof through === "object" ? (prop(through, "model") as AnyModel) : undefined;
      if (!throughModel || (through && prop(through, "scope") !== undefined)) {
        return refuse(`association "${name}" has no plain through model`);
      }
      return {
        kind: "through",
        name,
        toMany: true,
        target,
        through: throughModel,
        sourceField: field(model, str(association, "sourceKey")),
        throughSourceField: field(throughModel, str(association, "foreignKey")),
        throughTargetField: field(throughModel, str(association, "otherKey")),
        targetField: field(target, str(association, "targetKey")),
      };
    }
    default:
      return refuse(`association "${name}" is of unsupported type ${association.associationType}`);
  }
}

/** Resolves an entry's association chain: to-one hops, then at most one to-many hop, last. */
export function resolveHops(model: AnyModel, entry: MapperEntry, path: string): Hop[] {
  const hops: Hop[] = [];
  let current = model;
  for (const name of associationNames(entry)) {
    if (hops.at(-1)?.toMany) {
      throw new UnsupportedQueryPlanError("attribute", path, "only the last association of a chain may be to-many");
    }
    const hop = resolveHop(current, name, path);
    hops.push(hop);
    current = hop.target;
  }
  return hops;
}
