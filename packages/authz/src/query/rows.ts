import type { FindAttributeOptions, Model, ProjectionAlias } from "sequelize";
import type { AnyModel } from "../mapper.ts";

/** The single primary key attribute the page's rows are identified by (flags, verify). */
export function primaryKeyOf(model: AnyModel): string {
  const keys = model.primaryKeyAttributes;
  if (keys.length !== 1 || keys[0] === undefined) {
    throw new Error(
      `${model.name} has ${keys.length === 0 ? "no" : "a composite"} primary key: ` +
        "the authorized query identifies rows by a single primary key",
    );
  }
  return keys[0];
}

/** `attributes` with the primary key selected too (flags and verify need it on every row). */
export function withPrimaryKey(
  attributes: FindAttributeOptions | undefined,
  primaryKey: string,
): FindAttributeOptions | undefined {
  if (attributes === undefined) return undefined;
  if (Array.isArray(attributes)) {
    const selected = attributes.some((item) => item === primaryKey || (Array.isArray(item) && item[1] === primaryKey));
    return selected ? attributes : [primaryKey, ...attributes];
  }
  const exclude = attributes.exclude?.filter((name) => name !== primaryKey);
  return exclude === undefined ? attributes : { ...attributes, exclude };
}

/** `attributes` with `extra` selected as well (all of the model's attributes when none are named). */
export function withExtraAttributes(
  attributes: FindAttributeOptions | undefined,
  extra: readonly ProjectionAlias[],
): FindAttributeOptions | undefined {
  if (extra.length === 0) return attributes;
  if (attributes === undefined) return { include: [...extra] };
  if (Array.isArray(attributes)) return [...attributes, ...extra];
  return { ...attributes, include: [...(attributes.include ?? []), ...extra] };
}

/** The primary key of a page row, whether it is an instance or a `raw` object. */
export function rowKey(row: unknown, primaryKey: string): unknown {
  if (row !== null && typeof row === "object" && typeof (row as Model).get === "function") {
    return (row as Model).get(primaryKey);
  }
  return (row as Record<string, unknown>)[primaryKey];
}

/** Keys compared as text: Postgres returns BIGINT keys as strings. */
export function keyText(key: unknown): string {
  if (key === null || key === undefined) throw new Error("a page row has no primary key value");
  return String(key);
}
