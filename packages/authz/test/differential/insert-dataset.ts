import type { HostileDataset } from "./dataset.ts";
import type { HostileModels } from "./models.ts";

/** Creates the tables and inserts the generated rows with bulkCreate. */
export async function insertDataset(models: HostileModels, dataset: HostileDataset): Promise<void> {
  const { Item, Person, Label, Tag, ItemTag, Contact, Phone } = models;
  await Item.sequelize?.sync({ force: true });
  const tagIds = new Map(dataset.tagNames.map((name, index) => [name, index + 1]));
  const personId = (index: number | null) => (index === null ? null : index + 1);
  await Person.bulkCreate(
    dataset.people.map((person, index) => ({
      id: index + 1,
      name: person.name,
      department: person.department,
      managerId: personId(person.managerIndex),
    })),
  );
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
}
