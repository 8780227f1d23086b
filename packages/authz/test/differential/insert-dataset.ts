import type { HostileDataset, PersonRef } from "./dataset.ts";
import type { HostileModels } from "./models.ts";

/** Creates the tables and inserts the generated rows with bulkCreate. */
export async function insertDataset(models: HostileModels, dataset: HostileDataset): Promise<void> {
  const { Item, Person, Label, Tag, ItemTag, Contact, Phone, Skill, Detail, Note } = models;
  await Item.sequelize?.sync({ force: true });
  const tagIds = new Map(dataset.tagNames.map((name, index) => [name, index + 1]));
  // A dangling key points past every person row (the associations have no constraint).
  const personId = (ref: PersonRef) => (ref === null ? null : ref === "dangling" ? 9999 : ref + 1);
  // A MariaDB DOUBLE cannot hold NaN or ±Infinity: they are stored as the NULL Cerbos sees.
  const finiteOnly = Item.sequelize?.getDialect() === "mariadb";
  const double = (value: number | null) => (finiteOnly && value !== null && !Number.isFinite(value) ? null : value);
  await Person.bulkCreate(
    dataset.people.map((person, index) => ({
      id: index + 1,
      name: person.name,
      department: person.department,
      managerId: personId(person.managerIndex),
    })),
  );
  const skills = dataset.people.flatMap((person, index) =>
    person.skills.map((name) => ({ personId: index + 1, name })),
  );
  await Skill.bulkCreate(skills.map((skill, index) => ({ id: index + 1, ...skill })));
  await Tag.bulkCreate(dataset.tagNames.map((name) => ({ id: tagIds.get(name), name })));
  await Item.bulkCreate(
    dataset.rows.map((row) => ({
      id: row.id,
      name: row.name,
      nickname: row.nickname,
      amount: row.amount,
      score: row.score,
      active: row.active,
      flagged: row.flagged,
      createdAt: row.createdAt,
      ratio: double(row.ratio),
      weight: double(row.weight),
      path: row.path,
      ownerId: personId(row.ownerIndex),
    })),
  );
  const labels = dataset.rows.flatMap((row) => row.labels.map((name) => ({ itemId: row.id, name })));
  await Label.bulkCreate(labels.map((label, index) => ({ id: index + 1, ...label })));
  await ItemTag.bulkCreate(
    dataset.rows.flatMap((row) => row.tags.map((name) => ({ itemId: row.id, tagId: tagIds.get(name) }))),
  );
  const contacts = dataset.rows.flatMap((row) =>
    row.contacts.map((contact) => ({
      itemId: row.id,
      email: contact.email,
      primary: contact.primary,
      personId: personId(contact.personIndex),
    })),
  );
  await Contact.bulkCreate(contacts.map((contact, index) => ({ id: index + 1, ...contact })));
  const phones = dataset.rows
    .flatMap((row) => row.contacts)
    .flatMap((contact, contactIndex) => contact.phones.map((number) => ({ contactId: contactIndex + 1, number })));
  await Phone.bulkCreate(phones.map((phone, index) => ({ id: index + 1, ...phone })));
  const details = dataset.rows.flatMap((row) => (row.detail === null ? [] : [{ itemId: row.id, ...row.detail }]));
  await Detail.bulkCreate(details.map(({ notes: _notes, ...detail }, index) => ({ id: index + 1, ...detail })));
  const notes = details.flatMap((detail, index) => detail.notes.map((body) => ({ detailId: index + 1, body })));
  await Note.bulkCreate(notes.map((note, index) => ({ id: index + 1, ...note })));
}
