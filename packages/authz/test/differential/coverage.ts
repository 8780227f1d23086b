import type { HostileDataset } from "./dataset.ts";

/** How often each trap occurs in the data set: every count must be above zero. */
export function datasetCoverage(dataset: HostileDataset): Record<string, number> {
  const rows = dataset.rows;
  const owner = (row: (typeof rows)[number]) =>
    typeof row.ownerIndex === "number" ? dataset.people[row.ownerIndex] : undefined;
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
    danglingOwner: count((row) => row.ownerIndex === "dangling"),
    ownerWithNullDepartment: count((row) => owner(row)?.department === null),
    ownerWithoutManager: count((row) => owner(row)?.managerIndex === null),
    ownerWithDanglingManager: count((row) => owner(row)?.managerIndex === "dangling"),
    ownerWithoutSkills: count((row) => owner(row)?.skills.length === 0),
    ownerWithNullSkill: count((row) => owner(row)?.skills.includes(null) === true),
    missingDetail: count((row) => row.detail === null),
    detailWithoutNotes: count((row) => row.detail?.notes.length === 0),
    detailWithNullNote: count((row) => row.detail?.notes.includes(null) === true),
    nullRatio: count((row) => row.ratio === null),
    nanRatio: count((row) => Number.isNaN(row.ratio)),
    infiniteRatio: count((row) => row.ratio !== null && Math.abs(row.ratio) === Number.POSITIVE_INFINITY),
    zeroWeight: count((row) => row.weight === 0),
    nanWeight: count((row) => Number.isNaN(row.weight)),
    zeroOverZero: count((row) => row.ratio === 0 && row.weight === 0),
    overflowingProduct: count(
      (row) =>
        row.ratio !== null &&
        Math.abs(row.ratio * row.weight) === Number.POSITIVE_INFINITY &&
        Number.isFinite(row.ratio) &&
        Number.isFinite(row.weight),
    ),
    underflowingProduct: count(
      (row) => row.ratio !== null && row.ratio * row.weight === 0 && row.ratio !== 0 && row.weight !== 0,
    ),
    intRangeRatio: count((row) => row.ratio !== null && Math.abs(row.ratio) >= 2 ** 63 && Number.isFinite(row.ratio)),
    nullPath: count((row) => row.path === null),
    pathWithEmptySegment: count((row) => row.path !== null && /(^|\.)(\.|$)/.test(row.path)),
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
