import type { Includeable } from "sequelize";
import { resourceInclude } from "../authz/adapter.ts";
import { contactMapper } from "../authz/mappers.ts";
import type { Models } from "../db/models/index.ts";

/**
 * What a contact is loaded with: every association the mapper needs for its Cerbos resource
 * (derived from the mapper, so the two cannot drift apart), plus owner and company for display.
 */
export function contactInclude(models: Models): Includeable[] {
  return [
    ...resourceInclude(models.Contact, contactMapper),
    { model: models.User, as: "owner", attributes: ["id", "name"] },
    { model: models.Company, as: "company", attributes: ["id", "name"] },
  ];
}
