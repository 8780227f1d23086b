import { z } from "zod";

/**
 * Text input: no NUL characters (Postgres cannot store them, and no name needs one) and no lone
 * UTF-16 surrogates (they have no UTF-8 form: the PDP and Postgres reject them), so such input
 * is a BAD_REQUEST on every dialect instead of a database or PDP error on one.
 */
// With the u flag a proper surrogate pair is one code point, so only lone halves match.
const loneSurrogate = /\p{Surrogate}/u;

export function text(options: { min?: number; max: number; trim?: boolean }) {
  const base = options.trim ? z.string().trim() : z.string();
  return base
    .min(options.min ?? 0)
    .max(options.max)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
    .refine((value) => !loneSurrogate.test(value), "must be well-formed Unicode (no lone surrogates)");
}

/** A row id: a positive 32-bit integer (the Postgres INTEGER range), so no id overflows a query. */
export const rowId = z.number().int().positive().max(2_147_483_647);

export const userId = text({ min: 1, max: 64 });
export const tagName = text({ min: 1, max: 64 });
