import { requireMembership } from "../authz/membership.ts";
import type { Session } from "../context.ts";
import type { Database } from "../db/database.ts";
import type { ContactModel } from "../db/models/index.ts";
import { notFound } from "../errors.ts";
import { findContacts } from "./include.ts";

/** The contact with what a check needs; NOT_FOUND when missing or in another organization. */
export async function loadContact(db: Database, session: Session, id: number): Promise<ContactModel> {
  const [contact] = await findContacts(db, { id });
  if (!contact) throw notFound("Contact");
  requireMembership(session, contact.organizationId, "Contact");
  return contact;
}
