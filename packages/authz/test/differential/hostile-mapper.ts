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
    [attr("owner.name")]: { association: "owner", column: "name", ...nullable },
    [attr("owner.department")]: { association: "owner", column: "department", ...nullable },
    [attr("owner.manager.department")]: { association: "owner.manager", column: "department", ...nullable },
    [attr("labels")]: { association: "labels", column: "name" },
    [attr("tags")]: { association: "tags", column: "name" },
    [attr("contacts")]: {
      association: "contacts",
      fields: {
        email: { column: "email", ...nullable },
        primary: { column: "primary" },
        "person.department": { association: "person", column: "department", ...nullable },
        phones: { association: "phones", column: "number" },
      },
    },
  };
}
