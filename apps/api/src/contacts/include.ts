import { withExtraAttributes } from "../authz/adapter.ts";
import type { KindFindOptions } from "../authz/kind.ts";
import type { Database } from "../db/database.ts";
import type { TagModel } from "../db/models/tag.ts";
import type { ContactModel } from "./kind.ts";
import { contactSql } from "./sql.ts";

/** Attributes that arrive with each row and are moved off it (tags as a JSON array of {id, name}; names). */
const tagList = "tagList";
const ownerName = "ownerName";
const companyName = "companyName";

/**
 * Loads contacts with what their Cerbos resource needs (the mapper's `tags` collection) and
 * what the API shows (the owner's and the company's names), in ONE statement: the tags as a
 * JSON array and each name from a correlated subquery per row.
 *
 * Not a belongsToMany include: Sequelize joins those as `LEFT JOIN (contact_tags INNER JOIN
 * tags)`, which SQLite materializes by scanning all of contact_tags — 48 ms for a page of 50 at
 * 100k contacts (BENCHMARKS.md, section 4c). Nor belongsTo includes for the names: Sequelize
 * builds a User and a Company instance per row and regroups the joined rows, 3.0 against 1.9 ms
 * of CPU for a page of 50 (the same statement otherwise). And one statement reads one state: the
 * row, its tags and the list's `where` (the page's keys AND the authorized filter) are decided
 * together, so a contact changed by a concurrent write is served as it was or as it is, never as
 * a mix of the two (which a separate tags query would need a second check of `where` to rule
 * out). A contact whose tags were not attached makes toCerbosResource throw: forgetting fails closed.
 */
export async function findContacts(db: Database, options: KindFindOptions): Promise<ContactModel[]> {
  const { Contact, Tag } = db.models;
  const { pageLoad: _oneStatementNeedsNoSecondCheck, ...find } = options;
  const sql = contactSql(db.sequelize);
  const literal = (text: string) => db.sequelize.literal(text);
  const contacts = await Contact.findAll({
    ...find,
    attributes: withExtraAttributes(find.attributes, [
      [literal(sql.tagList()), tagList],
      [literal(sql.nameOf("users", "ownerId")), ownerName],
      [literal(sql.nameOf("companies", "companyId")), companyName],
    ]),
  });
  for (const contact of contacts) {
    const values = contact.dataValues as Record<string, unknown>;
    const tags = parseTags(values[tagList]).map((tag) => Tag.build(tag, { isNewRecord: false }));
    contact.ownerName = loadedName(values[ownerName]);
    contact.companyName = loadedName(values[companyName]);
    for (const name of [tagList, ownerName, companyName]) delete values[name];
    // The same shape an include leaves behind: the value and the data value.
    Object.assign(values, { tags });
    contact.tags = tags;
  }
  return contacts;
}

function loadedName(value: unknown): string | null {
  if (value === null || typeof value === "string") return value;
  throw new Error(`a contact's owner or company name did not load: ${String(value)}`);
}

function parseTags(value: unknown): Pick<TagModel, "id" | "name">[] {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new Error(`a contact's tags did not load: ${String(value)}`);
  return parsed.map((tag: { id?: unknown; name?: unknown }) => {
    if (typeof tag?.id !== "number" || typeof tag.name !== "string") throw new Error("a contact's tag did not load");
    return { id: tag.id, name: tag.name };
  });
}
