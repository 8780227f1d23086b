import type { Includeable } from "sequelize";
import type { Models } from "../db/models/index.ts";

/** What a contact is loaded with: its owner and company for display, its tags for Cerbos. */
export function contactInclude(models: Models): Includeable[] {
  return [
    { model: models.User, as: "owner", attributes: ["id", "name"] },
    { model: models.Company, as: "company", attributes: ["id", "name"] },
    { model: models.Tag, as: "tags", attributes: ["id", "name"], through: { attributes: [] } },
  ];
}
