import { UnsupportedQueryPlanError } from "../errors.ts";
import type { AnyModel, NullRepresentation } from "../mapper.ts";
import { and, TRUE } from "../sql.ts";
import type { CelType, Context, Scalar } from "./types.ts";

const STRING_TYPES = new Set(["STRING", "TEXT", "CHAR", "UUID", "UUIDV1", "UUIDV4", "ENUM"]);
const INTEGER_TYPES = new Set(["INTEGER", "BIGINT", "SMALLINT", "MEDIUMINT", "TINYINT"]);
const FLOAT_TYPES = new Set(["FLOAT", "DOUBLE", "DOUBLE PRECISION", "REAL"]);
/** Postgres types that must become text before string functions or comparisons with any string. */
const CAST_TO_TEXT = new Set(["UUID", "ENUM"]);

export function typeKey(model: AnyModel, attribute: string): string {
  const definition = model.getAttributes()[attribute];
  const type = definition?.type as { key?: unknown } | string | undefined;
  if (typeof type === "string") return type.toUpperCase();
  return typeof type?.key === "string" ? type.key : "UNKNOWN";
}

export function celTypeOf(key: string): CelType {
  if (STRING_TYPES.has(key)) return "string";
  if (INTEGER_TYPES.has(key) || FLOAT_TYPES.has(key)) return "number";
  if (key === "BOOLEAN") return "bool";
  if (key === "DATE") return "string";
  return "other";
}

export function columnField(model: AnyModel, attribute: string, path: string): string {
  const definition = model.getAttributes()[attribute];
  if (definition === undefined) {
    throw new UnsupportedQueryPlanError("attribute", path, `model ${model.name} has no attribute "${attribute}"`);
  }
  return definition.field ?? attribute;
}

export function columnNullable(model: AnyModel, attribute: string): boolean {
  const definition = model.getAttributes()[attribute];
  return definition?.allowNull !== false && definition?.primaryKey !== true;
}

/** Whether the column holds IEEE doubles (NaN and ±Infinity reach Cerbos as JSON null). */
export function isFloatColumn(model: AnyModel, attribute: string): boolean {
  return FLOAT_TYPES.has(typeKey(model, attribute));
}

/**
 * A column reached from `alias` (or via `wrap`, a scalar subquery around the column reference).
 * `present` is the condition that the row exists (a to-one chain): without it every value behind
 * the chain is absent, a CEL error, whatever its representation.
 */
export function columnScalar(
  context: Context,
  model: AnyModel,
  attribute: string,
  reference: { alias: string; wrap?: (column: string) => string },
  options: { path: string; nullRepresentation: NullRepresentation; present?: string },
): Scalar {
  const { dialect } = context;
  const key = typeKey(model, attribute);
  const raw = `${reference.alias}.${dialect.quote(columnField(model, attribute, options.path))}`;
  const wrap = reference.wrap ?? ((column: string) => column);
  let column = raw;
  if (dialect.name === "postgres" && CAST_TO_TEXT.has(key)) column = dialect.text(column);
  // A date reaches Cerbos as toISOString() text; the same text is built in SQL.
  if (key === "DATE") column = dialect.isoText(column);
  const float = FLOAT_TYPES.has(key);
  // NaN and ±Infinity are not JSON: they reach Cerbos as null, so SQL reads them as NULL too.
  if (float) column = dialect.finite(column);
  const sql = wrap(column);
  const instant = key === "DATE" ? wrap(raw) : undefined;
  const nullable = float || columnNullable(model, attribute);
  const type = celTypeOf(key);
  const integral = INTEGER_TYPES.has(key);
  const numberKind = type === "number" ? ("double" as const) : undefined;
  const present = options.present ?? TRUE;
  if (nullable && options.nullRepresentation === "omitted") {
    return {
      sql,
      type,
      nullable: false,
      ok: and(present, `(${sql} IS NOT NULL)`),
      path: options.path,
      integral,
      numberKind,
      instant,
    };
  }
  return { sql, type, nullable, ok: present, path: options.path, integral, numberKind, instant };
}
