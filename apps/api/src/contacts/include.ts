import { Op, type Transaction } from "sequelize";
import type { KindFindOptions } from "../authz/kind.ts";
import type { Database } from "../db/database.ts";
import type { ContactModel } from "./kind.ts";

/**
 * Loads contacts with what their Cerbos resource needs (the mapper's `tags` collection) and
 * what the API shows (owner, company).
 *
 * Tags are NOT loaded through a belongsToMany include: Sequelize joins them as
 * `LEFT JOIN (contact_tags INNER JOIN tags)`, which SQLite materializes by scanning all of
 * contact_tags — 48 ms for a page of 50 at 100k contacts, against under 2 ms with one
 * `contactId IN (…)` query (BENCHMARKS.md, section 4c). A contact whose tags were not attached
 * makes toCerbosResource throw, so forgetting this step fails closed.
 */
export async function findContacts(db: Database, options: KindFindOptions): Promise<ContactModel[]> {
  const { Contact, User, Company } = db.models;
  const { pageLoad, ...find } = options;
  const contacts = await Contact.findAll({
    ...find,
    include: [
      { model: User, as: "owner", attributes: ["id", "name"] },
      { model: Company, as: "company", attributes: ["id", "name"] },
    ],
  });
  await attachTags(db, contacts, find.transaction);
  return pageLoad === true ? stillMatching(db, contacts, find) : contacts;
}

/**
 * The contacts that still match `where` now that their tags are read (a second statement): a
 * list loads its page with the authorized filter as `where` (`pageLoad`), and a contact deleted or changed in
 * between (its tags gone with it) would otherwise be served as a mix of two states, one the
 * caller may not read. One indexed lookup by primary key.
 */
async function stillMatching(
  db: Database,
  contacts: ContactModel[],
  options: KindFindOptions,
): Promise<ContactModel[]> {
  if (contacts.length === 0) return contacts;
  const ids = contacts.map((contact) => contact.id);
  const present = await db.models.Contact.findAll({
    where: { [Op.and]: [options.where, { id: { [Op.in]: ids } }] },
    attributes: ["id"],
    raw: true,
    transaction: options.transaction,
  });
  const kept = new Set(present.map((row) => row.id));
  return kept.size === contacts.length ? contacts : contacts.filter((contact) => kept.has(contact.id));
}

async function attachTags(db: Database, contacts: ContactModel[], transaction?: Transaction): Promise<void> {
  if (contacts.length === 0) return;
  const { Tag, ContactTag } = db.models;
  const links = await ContactTag.findAll({
    where: { contactId: { [Op.in]: contacts.map((contact) => contact.id) } },
    raw: true,
    transaction,
  });
  const tagIds = [...new Set(links.map((link) => link.tagId))];
  const tags = tagIds.length ? await Tag.findAll({ where: { id: { [Op.in]: tagIds } }, transaction }) : [];
  const tagById = new Map(tags.map((tag) => [tag.id, tag]));
  for (const contact of contacts) {
    const own = links.flatMap((link) => (link.contactId === contact.id ? (tagById.get(link.tagId) ?? []) : []));
    // The same shape an include leaves behind: the value and the data value.
    Object.assign(contact.dataValues, { tags: own });
    contact.tags = own;
  }
}
