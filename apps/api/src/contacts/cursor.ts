import { z } from "zod";
import { badRequest } from "../errors.ts";
import { type SortDir, type SortField, sortFields } from "./sql.ts";

const cursorSchema = z.object({
  sortBy: z.enum(sortFields),
  sortDir: z.enum(["asc", "desc"]),
  key: z.string().max(600),
  id: z.number().int().min(0).max(2_147_483_647),
});

export type Cursor = z.infer<typeof cursorSchema>;

const dateSorts = new Set<SortField>(["createdAt", "updatedAt"]);

/** The key as the database compares it: a Date for date sorts (escaped in the dialect's own format). */
export function cursorKey(cursor: Cursor): string | Date {
  return dateSorts.has(cursor.sortBy) ? new Date(cursor.key) : cursor.key;
}

/** Opaque keyset cursor: the last row's sort key and id, and the order it belongs to. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(text: string, sortBy: SortField, sortDir: SortDir): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw badRequest("The cursor is not valid.");
  if (dateSorts.has(result.data.sortBy) && Number.isNaN(Date.parse(result.data.key))) {
    throw badRequest("The cursor is not valid.");
  }
  if (result.data.sortBy !== sortBy || result.data.sortDir !== sortDir) {
    throw badRequest("The cursor belongs to another sort order.");
  }
  return result.data;
}
