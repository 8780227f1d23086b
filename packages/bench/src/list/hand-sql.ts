import type { Principal } from "@cerbos/core";
import { columns } from "../data/generate.ts";

/** The page's order: the API's sort key for lastName (lower-cased), then id. */
export const orderSql = `lower("Contact"."lastName") ASC, "Contact"."id" ASC`;

export const selectColumnsSql = columns.contacts.map((column) => `"Contact"."${column}"`).join(", ");

const hasPublicTag = `EXISTS (SELECT 1 FROM "contact_tags" AS "ct" JOIN "tags" AS "t" ON "t"."id" = "ct"."tagId"
  WHERE "ct"."contactId" = "Contact"."id" AND "t"."name" = 'public')`;

export interface HandWhere {
  /** The condition; undefined when the user sees every row (no WHERE at all: SQLite then counts from the smallest index). */
  sql: string | undefined;
  replacements: Record<string, unknown>;
}

/**
 * What a developer who read policies/contact.yaml would write for this principal, knowing the
 * columns are NOT NULL: tenant isolation, then owner OR active-by-department OR public-in-org.
 */
export function handWrittenWhere(principal: Principal): HandWhere {
  if (principal.roles.includes("admin")) return { sql: undefined, replacements: {} };
  const attr = principal.attr as { department: string | null; organizationIds: number[] };
  if (attr.organizationIds.length === 0) return { sql: "1 = 0", replacements: {} };
  const byDepartment =
    attr.department === "Sales"
      ? `"Contact"."isActive" = 1`
      : attr.department === "Marketing"
        ? `("Contact"."isActive" = 1 AND "Contact"."marketingOptIn" = 1)`
        : "0";
  return {
    sql: `"Contact"."organizationId" IN (:orgs) AND ("Contact"."ownerId" = :me OR ${byDepartment} OR ${hasPublicTag})`,
    replacements: { orgs: attr.organizationIds, me: principal.id },
  };
}
