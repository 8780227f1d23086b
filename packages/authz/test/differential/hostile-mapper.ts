import type { Mapper } from "../../src/index.ts";
import type { NullRepresentation } from "./oracle-resource.ts";

const attr = (name: string) => `request.resource.attr.${name}`;

/**
 * The mapper under test. `representation` applies to every attribute that can be NULL, the
 * same way oracleResource() builds the resources the PDP decides on.
 */
export function hostileMapper(representation: NullRepresentation): Mapper {
  const nullable = { nullRepresentation: representation } as const;
  return {
    "request.resource.id": { column: "id" },
    [attr("name")]: { column: "name" },
    [attr("nickname")]: { column: "nickname", ...nullable },
    [attr("amount")]: { column: "amount" },
    [attr("score")]: { column: "score", ...nullable },
    [attr("active")]: { column: "active" },
    [attr("flagged")]: { column: "flagged", ...nullable },
    [attr("createdAt")]: { column: "createdAt" },
    [attr("ratio")]: { column: "ratio", ...nullable },
    [attr("weight")]: { column: "weight", ...nullable },
    [attr("path")]: { column: "path", ...nullable },
    // Relation entries: `owner` and `owner.manager` take their representation from their leaves,
    // `detail` states it.
    [attr("owner")]: { association: "owner" },
    [attr("owner.name")]: { association: "owner", column: "name", ...nullable },
    [attr("owner.department")]: { association: "owner", column: "department", ...nullable },
    [attr("owner.skills")]: { association: "owner.skills", column: "name", ...nullable },
    [attr("owner.manager")]: { association: "owner.manager" },
    [attr("owner.manager.department")]: { association: "owner.manager", column: "department", ...nullable },
    [attr("owner.manager.skills")]: { association: "owner.manager.skills", column: "name", ...nullable },
    [attr("detail")]: { association: "detail", ...nullable },
    [attr("detail.title")]: { association: "detail", column: "title", ...nullable },
    [attr("detail.rank")]: { association: "detail", column: "rank", ...nullable },
    [attr("detail.archived")]: { association: "detail", column: "archived", ...nullable },
    [attr("detail.notes")]: { association: "detail.notes", column: "body", ...nullable },
    [attr("labels")]: { association: "labels", column: "name" },
    [attr("tags")]: { association: "tags", column: "name" },
    [attr("contacts")]: {
      association: "contacts",
      fields: {
        email: { column: "email", ...nullable },
        primary: { column: "primary" },
        person: { association: "person" },
        "person.department": { association: "person", column: "department", ...nullable },
        phones: { association: "phones", column: "number" },
      },
    },
  };
}
