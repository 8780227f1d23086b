/**
 * Values the generators draw from. Each pool holds the literals the hostile policy compares
 * with (so every action has allowed rows) next to their traps: case variants, LIKE wildcards
 * (`% _ \`), SQL quotes, composed and decomposed unicode, astral characters, boundary numbers and instants
 * one millisecond either side of the policy's timestamps.
 */
export const namePool = [
  "Alpha",
  "alpha",
  "ALPHA",
  "Alpha ",
  "al",
  "Émile",
  "émile",
  "E\u0301mile",
  "Emile",
  "a_b",
  "axb",
  "a%b",
  "100%",
  "100",
  "50%\\",
  "%\\",
  "\\",
  "back\\slash",
  "%",
  "_",
  "",
  "M",
  "m",
  "Zed",
  "zed",
  "z",
  "za",
  "é",
  "ê",
  "e",
  "日本",
  "😀",
  "😀😀",
  "straße",
  "STRASSE",
  "İ",
  "ı",
  "x",
  "urgent",
  "A",
  "Ab",
  "abcd",
  "O'Brien",
  "o'brien",
  'say "hi"',
  "\nline",
  "line\n",
  "tab\there",
  "`tick`",
  "'; DROP TABLE hostile_items; --",
];

export const nicknamePool = ["a", "A", "b", "ab", "", " a", "a ", "Alpha", "%", "a%", "_", "\\a", "ä"];

export const labelPool = [
  "urgent",
  "Urgent",
  "URGENT",
  "spam",
  "s",
  "sale",
  "u",
  "up",
  "",
  "Alpha",
  "a_b",
  "%",
  "ü",
  "x",
  "it's",
];

export const tagPool = [
  "vip",
  "Vip",
  "VIP",
  "blocked",
  "blocked-not",
  "new",
  "t3",
  "spam",
  "urgent",
  "a_b",
  "%",
  "ü",
  "o'k",
];

export const emailPool = [
  "a@example.com",
  "A@example.com",
  "b@example.com",
  "x%y@example.com",
  "%@example.com",
  "_@x.io",
  "c@example.org",
  "ü@x.io",
  "a@example.comx",
  "@example.com",
  "",
];

export const phonePool = ["+1 555", "+1", "+44 20", "", "+1%", "+1_2", "1+"];

/**
 * Managers form a chain (A → Åsa → Bob → Ann), two people manage themselves, one manager key
 * dangles. Skills are a collection behind the owner (and owner.manager) hop.
 */
export const people: {
  name: string;
  department: string | null;
  managerIndex: number | null | "dangling";
  skills: (string | null)[];
}[] = [
  { name: "Ann", department: "Sales", managerIndex: null, skills: ["sql", "go"] },
  { name: "ann", department: "sales", managerIndex: 0, skills: [] },
  { name: "Bob", department: "Marketing", managerIndex: 0, skills: ["sql"] },
  { name: "Åsa", department: null, managerIndex: 2, skills: ["go", null] },
  { name: "A", department: "", managerIndex: 3, skills: ["s", "sales"] },
  { name: "Al", department: "Sales ", managerIndex: null, skills: [] },
  { name: "Zoë", department: "Sales", managerIndex: 6, skills: ["sql", "rust"] },
  { name: "\\A", department: null, managerIndex: 7, skills: ["x"] },
  { name: "Dan", department: "Sales", managerIndex: "dangling", skills: ["go"] },
];

/** Doubles around every IEEE edge: zero, halves, overflow and underflow ranges, NaN and ±Infinity (read as null). */
export const doublePool = [
  0,
  0.5,
  1,
  -1,
  1.5,
  -1.5,
  2,
  2.5,
  0.1,
  0.2,
  0.3,
  3,
  10,
  -10,
  100,
  123.456,
  0.25,
  1e-300,
  -1e-300,
  5e-324,
  1e200,
  -1e200,
  1e300,
  8.98846567431158e307,
  1.7976931348623157e308,
  -1.7976931348623157e308,
  9.3e18,
  -9.3e18,
  9.2e18,
  1.9e19,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Hierarchy texts with empty segments, both delimiters, near-miss prefixes. */
export const pathPool = [
  "a",
  "a.b",
  "a.b.c",
  "a.b.d",
  "a.b.c.d",
  "a.b.",
  "a.b..",
  "a..b",
  ".a",
  "",
  "a.bc",
  "ab",
  "a.x",
  "a.x.c",
  "x",
  "y",
  "x.y",
  "a:b",
  "a:b:c",
  "a:b.c",
  "a:bc",
  "a:b:",
  "a::b",
  "a:::b",
  "é.ü",
  "a%.b",
  "a_b.c",
  "a.b.c.",
];

export const titlePool = ["a", "a.b", "a.b.c", "x", "Alpha", "", "b"];

export const notePool = ["x", "y", "z", ""];

export const int32Max = 2147483647;
export const int32Min = -2147483648;

export const amountPool = [
  int32Max,
  int32Min,
  int32Max - 1,
  0,
  1,
  -1,
  2,
  3,
  4,
  5,
  -5,
  8,
  9,
  10,
  11,
  42,
  90,
  91,
  99,
  100,
  101,
  499,
  500,
  501,
  1000,
];

export const instantPool = [
  "2024-01-01T00:00:00.000Z",
  "2023-12-31T23:59:59.999Z",
  "2024-01-01T00:00:00.001Z",
  "2024-06-30T12:00:00.500Z",
  "2024-06-30T12:00:00.499Z",
  "2024-06-30T12:00:00.501Z",
  "2024-03-01T00:00:00.000Z",
  "2024-02-29T23:59:59.999Z",
  "2024-03-01T00:00:00.001Z",
  "2024-12-31T22:00:00.000Z",
  "2024-12-31T21:59:59.999Z",
  "2024-12-31T22:00:00.001Z",
  "2025-01-01T00:00:00.000Z",
  "2024-03-01T11:00:00.000Z",
  "2024-03-01T10:59:59.999Z",
  "2024-03-01T11:00:00.001Z",
  "1969-12-31T23:59:59.999Z",
  // Not 0001–0099: Sequelize on SQLite reads those years back as 19xx/20xx (pending/sqlite-early-years.pending.ts).
  "0100-01-01T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
];
