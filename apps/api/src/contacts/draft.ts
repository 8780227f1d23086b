import type { InferCreationAttributes } from "sequelize";
import type { ContactModel, Models } from "../db/models/index.ts";

export type ContactValues = Pick<
  InferCreationAttributes<ContactModel>,
  "firstName" | "lastName" | "ownerId" | "organizationId" | "companyId" | "isActive" | "marketingOptIn"
>;

/**
 * An unsaved contact with its tags (by name: the policies read names, and a draft is checked
 * before any reference is looked up), shaped exactly like a loaded one, so a create or an "as it
 * will be" check builds its Cerbos resource through the same mapper as everything else.
 */
export function buildContactDraft(
  models: Models,
  values: ContactValues,
  tagNames: readonly string[],
  id = 0,
): ContactModel {
  // A draft has no database id yet; callers name it in the check ("new").
  const withTags = { ...values, id, tags: [...new Set(tagNames)].map((name) => ({ name })) };
  return models.Contact.build(withTags as ContactValues, { include: [{ association: "tags" }] });
}
