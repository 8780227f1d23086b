import { type Model, Op, type Order, type WhereOptions } from "sequelize";
import { z } from "zod";
import { badRequest } from "../errors.ts";

// Keyset (cursor) paging over plain columns, for the lists that sort by attributes (companies,
// organizations, users, notes; contacts sort by expressions and have their own, contacts/cursor.ts).
// The cursor is the last row's sort key, opaque to the client; the next page is the rows strictly
// after it in the list's order, so rows added or removed meanwhile never shift a page.

export interface KeysetColumn {
  attribute: string;
  /** How the value travels in the cursor (a date as an ISO string). */
  type: "text" | "integer" | "date";
}

export interface KeysetSpec {
  /** Names the list a cursor belongs to: another list's cursor is refused. */
  list: string;
  direction: "ASC" | "DESC";
  /** The sort columns, NOT NULL, the last one unique (the primary key), so the order is total. */
  columns: readonly KeysetColumn[];
}

const cursorSchema = z.object({
  list: z.string().max(40),
  key: z.array(z.union([z.string().max(600), z.number().int()])).max(4),
});

/** A list's order, its `after` condition for a cursor, and the cursor of a page's last row. */
export function keyset(spec: KeysetSpec) {
  const op = spec.direction === "ASC" ? Op.gt : Op.lt;
  return {
    order: spec.columns.map((column) => [column.attribute, spec.direction]) as Order,

    /** The rows after the cursor's (undefined: the first page); BAD_REQUEST for a cursor that is not this list's. */
    after(cursor: string | undefined): WhereOptions | undefined {
      if (cursor === undefined) return undefined;
      const key = decode(spec, cursor);
      // (c0 > v0) OR (c0 = v0 AND c1 > v1) OR …: strictly after, lexicographically.
      return {
        [Op.or]: spec.columns.map((column, index) => ({
          ...Object.fromEntries(spec.columns.slice(0, index).map((before, j) => [before.attribute, key[j]])),
          [column.attribute]: { [op]: key[index] },
        })),
      };
    },

    /** The next page's cursor: after the last row, when rows follow. */
    next(rows: Model[], hasMore: boolean): string | null {
      const last = rows.at(-1);
      if (!hasMore || last === undefined) return null;
      const key = spec.columns.map((column) => {
        const value: unknown = last.get(column.attribute);
        return value instanceof Date ? value.toISOString() : (value as string | number);
      });
      return Buffer.from(JSON.stringify({ list: spec.list, key })).toString("base64url");
    },
  };
}

function decode(spec: KeysetSpec, text: string): (string | number | Date)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data.key.length !== spec.columns.length) throw badRequest("The cursor is not valid.");
  if (result.data.list !== spec.list) throw badRequest("The cursor belongs to another list.");
  return spec.columns.map((column, index) => {
    const value = result.data.key[index];
    if (column.type === "integer" && typeof value === "number") return value;
    if (column.type === "text" && typeof value === "string") return value;
    if (column.type === "date" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value);
    throw badRequest("The cursor is not valid.");
  });
}
