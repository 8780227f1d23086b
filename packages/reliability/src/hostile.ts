import fc from "fast-check";

/** Values an attacker or a broken client sends where the API expects something sensible. */

const sqlish = [
  "'",
  '"',
  ";",
  "--",
  "%",
  "_",
  "\\",
  "' OR '1'='1",
  '"; DROP TABLE contacts; --',
  "%%",
  "\\%",
  "_%_",
  "\0",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...sqlish), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "\u202e", "\ud800", "😀".repeat(100), "a".repeat(256), "Ǆǅǆ İı ß") },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 300_000 }).map((length) => "x".repeat(length)) },
);

/** A JSON value nested `depth` levels deep, as text (JSON.stringify would recurse on it). */
export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
  );

const weirdNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(
    -1,
    0,
    1,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31),
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    0.5,
    -0.0,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON-able value of any type, small and shallow. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  weirdNumber,
  hostileString,
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 4 }),
);

/** Mostly the right type with hostile values, sometimes any type at all, sometimes missing. */
export function field<T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 7, arbitrary: plausible }, { weight: 1, arbitrary: anyJson });
}

export const hostileId = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 2, arbitrary: weirdNumber },
);
export const hostileLimit = fc.oneof(fc.integer({ min: -5, max: 60 }), weirdNumber);

export function hostileRecord(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(shape).map(([key, arbitrary]) => [key, field(arbitrary)]));
  const extra = fc.dictionary(
    fc.constantFrom("__proto__", "constructor", "role", "department", "where", "$or", "id"),
    anyJson,
    {
      maxKeys: 2,
    },
  );
  return fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.record(fields) },
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      ),
      extra,
      fc.boolean(),
    )
    .map(([record, additions, withExtra]) => (withExtra ? { ...additions, ...record } : record));
}
