import fc from "fast-check";
import type { HostileContact, HostileDataset, HostileDetail, HostileRow, PersonRef } from "./dataset.ts";
import {
  amountPool,
  doublePool,
  emailPool,
  instantPool,
  int32Max,
  int32Min,
  labelPool,
  namePool,
  nicknamePool,
  notePool,
  pathPool,
  people,
  phonePool,
  tagPool,
  titlePool,
} from "./pools.ts";

/** Fixed so every run (and CI) sees the same rows; override with AUTHZ_DIFF_SEED to explore. */
export const defaultSeed = 20261125;

export function datasetSeed(): number {
  const fromEnv = process.env.AUTHZ_DIFF_SEED;
  return fromEnv ? Number.parseInt(fromEnv, 10) : defaultSeed;
}

const trapCharacter = fc.constantFrom(
  "a",
  "A",
  "l",
  "b",
  "_",
  "%",
  "\\",
  "é",
  "E\u0301",
  "😀",
  "z",
  "M",
  " ",
  "ß",
  "'",
  '"',
  "\n",
);

/** Short strings over the trap characters: wildcards and case variants in every position. */
const trapString = fc.string({ unit: trapCharacter, maxLength: 5 });

/** Any printable unicode (Postgres text cannot hold U+0000). */
const unicodeString = fc.string({ unit: "grapheme", maxLength: 6 }).filter((value) => !value.includes("\u0000"));

const nameArbitrary = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...namePool) },
  { weight: 2, arbitrary: trapString },
  { weight: 1, arbitrary: unicodeString },
);

const nullable = <T>(arbitrary: fc.Arbitrary<T>, nullWeight = 1, valueWeight = 2): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: nullWeight, arbitrary: fc.constant(null) }, { weight: valueWeight, arbitrary });

const amountArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...amountPool) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 1200 }) },
  { weight: 1, arbitrary: fc.integer({ min: int32Min, max: int32Max }) },
);

const instantArbitrary = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...instantPool).map((iso) => new Date(iso)) },
  {
    weight: 3,
    arbitrary: fc.date({
      min: new Date("2020-01-01T00:00:00.000Z"),
      max: new Date("2030-12-31T23:59:59.999Z"),
      noInvalidDate: true,
    }),
  },
);

const labelArbitrary = nullable(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...labelPool) }, { weight: 1, arbitrary: trapString }),
  1,
  8,
);

const contactArbitrary: fc.Arbitrary<HostileContact> = fc.record({
  email: nullable(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...emailPool) },
      { weight: 1, arbitrary: trapString.map((local) => `${local}@example.com`) },
    ),
    1,
    6,
  ),
  primary: fc.boolean(),
  personIndex: nullable(fc.nat({ max: people.length - 1 }), 1, 3),
  phones: fc.array(nullable(fc.constantFrom(...phonePool), 1, 6), { maxLength: 2 }),
});

/** Doubles from the edge pool, or ordinary ones (finite, never -0: JSON would show it as 0 anyway). */
const doubleArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...doublePool) },
  { weight: 1, arbitrary: fc.constant(0) },
  {
    weight: 2,
    arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }).map((d) => d + 0),
  },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 20 }).map((n) => n / 4) },
);

/** A person, no owner (NULL key), or a key no person row has. */
const personRef: fc.Arbitrary<PersonRef> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant("dangling" as const) },
  { weight: 5, arbitrary: fc.nat({ max: people.length - 1 }) },
);

const detailArbitrary: fc.Arbitrary<HostileDetail> = fc.record({
  title: fc.constantFrom(...titlePool),
  rank: nullable(fc.integer({ min: -2, max: 6 })),
  archived: nullable(fc.boolean()),
  notes: fc.array(nullable(fc.constantFrom(...notePool), 1, 5), { maxLength: 2 }),
});

type RowWithoutId = Omit<HostileRow, "id">;

const rowArbitrary: fc.Arbitrary<RowWithoutId> = fc.record({
  name: nameArbitrary,
  nickname: nullable(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...nicknamePool) }, { weight: 1, arbitrary: nameArbitrary }),
  ),
  amount: amountArbitrary,
  score: nullable(amountArbitrary),
  active: fc.boolean(),
  flagged: nullable(fc.boolean()),
  createdAt: instantArbitrary,
  ratio: nullable(doubleArbitrary, 1, 6),
  weight: doubleArbitrary,
  path: nullable(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pathPool) }, { weight: 1, arbitrary: trapString }),
    1,
    6,
  ),
  ownerIndex: personRef,
  detail: nullable(detailArbitrary, 1, 2),
  labels: fc.array(labelArbitrary, { maxLength: 4 }),
  tags: fc.subarray(tagPool, { maxLength: 4 }),
  contacts: fc.array(contactArbitrary, { maxLength: 3 }),
});

/** Row ids `r0001`, `r0002`, …: the policy and the principal name some of them. */
export function rowId(index: number): string {
  return `r${String(index + 1).padStart(4, "0")}`;
}

/** `rowCount` rows drawn by fast-check from `seed`: the same seed always gives the same rows. */
export function generateDataset(seed: number, rowCount: number): HostileDataset {
  const rows = fc.sample(rowArbitrary, { seed, numRuns: rowCount }).map((row, index) => ({ id: rowId(index), ...row }));
  return { seed, people, tagNames: tagPool, rows };
}
