/** Column values as the drivers return them: SQLite 0/1 and text dates, Postgres booleans and Dates. */

export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "t";
}

export function int(value: unknown): number {
  return Number(value);
}

export function nullableInt(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Milliseconds since the epoch. Sequelize stores SQLite dates as `2026-11-25 01:02:03.456 +00:00`. */
export function time(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value);
  return Date.parse(text.replace(" ", "T").replace(/ ?\+00:00$/, "Z"));
}

/** `IN (?, ?, …)` for the given values, and the values as parameters. */
export function inList(values: readonly unknown[]): { sql: string; params: unknown[] } {
  return { sql: `(${values.map(() => "?").join(", ")})`, params: [...values] };
}
