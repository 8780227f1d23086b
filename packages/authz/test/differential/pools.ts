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

/** Managers form a chain (A → Åsa → Bob → Ann), and two people manage themselves. */
export const phonePool = ["+1 555", "+1", "+44 20", "", "+1%", "+1_2", "1+"];

export const people = [
  { name: "Ann", department: "Sales", managerIndex: null },
  { name: "ann", department: "sales", managerIndex: 0 },
  { name: "Bob", department: "Marketing", managerIndex: 0 },
  { name: "Åsa", department: null, managerIndex: 2 },
  { name: "A", department: "", managerIndex: 3 },
  { name: "Al", department: "Sales ", managerIndex: null },
  { name: "Zoë", department: "Sales", managerIndex: 6 },
  { name: "\\A", department: null, managerIndex: 7 },
];

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
