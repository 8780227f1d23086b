import type { HostileDataset } from "./dataset.ts";

/** How often each trap occurs in the data set: every count must be above zero. */
export function datasetCoverage(dataset: HostileDataset): Record<string, number> {
  const rows = dataset.rows;
  const count = (predicate: (row: (typeof rows)[number]) => boolean) => rows.filter(predicate).length;
  const wildcard = (value: string | null) => value !== null && /[%_\\]/.test(value);
  const nonAscii = (value: string | null) =>
    value !== null && [...value].some((character) => (character.codePointAt(0) ?? 0) > 0x7f);
  return {
    nullNickname: count((row) => row.nickname === null),
    emptyNickname: count((row) => row.nickname === ""),
    nullScore: count((row) => row.score === null),
    zeroScore: count((row) => row.score === 0),
    nullFlagged: count((row) => row.flagged === null),
    missingOwner: count((row) => row.ownerIndex === null),
    ownerWithNullDepartment: count(
      (row) => row.ownerIndex !== null && dataset.people[row.ownerIndex]?.department === null,
    ),
    ownerWithoutManager: count(
      (row) => row.ownerIndex !== null && dataset.people[row.ownerIndex]?.managerIndex === null,
    ),
    contactWithNullPhone: count((row) => row.contacts.some((contact) => contact.phones.includes(null))),
    contactWithoutPhones: count((row) => row.contacts.some((contact) => contact.phones.length === 0)),
    contactWithoutPerson: count((row) => row.contacts.some((contact) => contact.personIndex === null)),
    emptyLabels: count((row) => row.labels.length === 0),
    nullLabelElement: count((row) => row.labels.includes(null)),
    duplicateLabels: count((row) => new Set(row.labels).size < row.labels.length),
    emptyTags: count((row) => row.tags.length === 0),
    emptyContacts: count((row) => row.contacts.length === 0),
    nullContactEmail: count((row) => row.contacts.some((contact) => contact.email === null)),
    wildcardName: count((row) => wildcard(row.name)),
    nonAsciiName: count((row) => nonAscii(row.name)),
    astralName: count((row) => /[\u{10000}-\u{10ffff}]/u.test(row.name)),
    emptyName: count((row) => row.name === ""),
    quoteName: count((row) => /['"`]/.test(row.name)),
    newlineName: count((row) => row.name.includes("\n")),
    instantBefore1970: count((row) => row.createdAt.getTime() < 0),
    int32MaxAmount: count((row) => row.amount === 2147483647),
    int32MinAmount: count((row) => row.amount === -2147483648),
    negativeAmount: count((row) => row.amount < 0),
  };
}
