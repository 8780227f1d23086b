import type { Principal, Resource } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import type { Sequelize } from "sequelize";

/** A contact row read with plain SQL, independent of the app's models and mappers. */
export interface OracleContact {
  id: number;
  firstName: string;
  lastName: string;
  ownerId: string;
  organizationId: number;
  companyId: number | null;
  companyName: string | null;
  isActive: boolean;
  marketingOptIn: boolean;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

export interface Decision {
  read: boolean;
  update: boolean;
  delete: boolean;
}

const time = (value: unknown) => new Date(value as string | Date).getTime();

export async function readContacts(sequelize: Sequelize): Promise<OracleContact[]> {
  const [rows] = await sequelize.query(
    `SELECT c."id", c."firstName", c."lastName", c."ownerId", c."organizationId", c."companyId", co."name" AS "companyName",
            c."isActive", c."marketingOptIn", c."createdAt", c."updatedAt"
       FROM "contacts" c LEFT JOIN "companies" co ON co."id" = c."companyId" ORDER BY c."id"`,
  );
  const [tagRows] = await sequelize.query(
    `SELECT ct."contactId", t."name" FROM "contact_tags" ct JOIN "tags" t ON t."id" = ct."tagId"`,
  );
  const tags = new Map<number, string[]>();
  for (const row of tagRows as { contactId: number; name: string }[]) {
    tags.set(Number(row.contactId), [...(tags.get(Number(row.contactId)) ?? []), row.name].sort());
  }
  return (rows as Record<string, unknown>[]).map((row) => ({
    id: Number(row.id),
    firstName: String(row.firstName),
    lastName: String(row.lastName),
    ownerId: String(row.ownerId),
    organizationId: Number(row.organizationId),
    companyId: row.companyId === null ? null : Number(row.companyId),
    companyName: row.companyName === null ? null : String(row.companyName),
    isActive: Boolean(row.isActive),
    marketingOptIn: Boolean(row.marketingOptIn),
    tags: tags.get(Number(row.id)) ?? [],
    createdAt: time(row.createdAt),
    updatedAt: time(row.updatedAt),
  }));
}

/** The principal exactly as policies/_schemas/principal.json describes it, from plain SQL. */
export async function readPrincipal(sequelize: Sequelize, userId: string): Promise<Principal> {
  const [users] = await sequelize.query(`SELECT "role", "department", "isBanned" FROM "users" WHERE "id" = :userId`, {
    replacements: { userId },
  });
  const user = (users as { role: string; department: string | null; isBanned: unknown }[])[0];
  if (!user) throw new Error(`no user ${userId}`);
  const [memberships] = await sequelize.query(
    `SELECT "organizationId", "role" FROM "memberships" WHERE "userId" = :userId ORDER BY "organizationId"`,
    { replacements: { userId } },
  );
  const rows = memberships as { organizationId: number; role: string }[];
  const ids = (roles: string[]) => rows.filter((m) => roles.includes(m.role)).map((m) => Number(m.organizationId));
  return {
    id: userId,
    roles: [user.role],
    attr: {
      department: user.department,
      isBanned: Boolean(user.isBanned),
      organizationIds: ids(["owner", "member", "billing"]),
      memberOrgIds: ids(["owner", "member"]),
      billingOrgIds: ids(["owner", "billing"]),
      ownerOrgIds: ids(["owner"]),
    },
  };
}

/** What the PDP decides for every contact, asked row by row in batches (the oracle). */
export async function decide(
  cerbosUrl: string,
  principal: Principal,
  contacts: OracleContact[],
): Promise<Map<number, Decision>> {
  const cerbos = new HTTP(cerbosUrl);
  const decisions = new Map<number, Decision>();
  for (let start = 0; start < contacts.length; start += 50) {
    const batch = contacts.slice(start, start + 50);
    const resources = batch.map(
      (contact): Resource => ({
        kind: "contact",
        id: String(contact.id),
        attr: {
          ownerId: contact.ownerId,
          organizationId: contact.organizationId,
          companyId: contact.companyId,
          isActive: contact.isActive,
          marketingOptIn: contact.marketingOptIn,
          tags: contact.tags,
        },
      }),
    );
    const response = await cerbos.checkResources({
      principal,
      resources: resources.map((resource) => ({ resource, actions: ["read", "update", "delete"] })),
    });
    batch.forEach((contact, index) => {
      const result = response.results[index];
      if (!result || result.validationErrors.length > 0) throw new Error(`bad oracle result for ${contact.id}`);
      decisions.set(contact.id, {
        read: result.isAllowed("read") === true,
        update: result.isAllowed("update") === true,
        delete: result.isAllowed("delete") === true,
      });
    });
  }
  return decisions;
}

export interface ListParams {
  organizationId?: number;
  search?: string;
  companyId?: number;
  isActive?: boolean;
  tag?: string;
  sortBy?: "firstName" | "lastName" | "createdAt" | "updatedAt" | "company";
  sortDir?: "asc" | "desc";
}

/** The list the API must return: readable rows, the filters, the order (key, then id). */
export function expectedList(contacts: OracleContact[], decisions: Map<number, Decision>, params: ListParams) {
  const sortBy = params.sortBy ?? "lastName";
  const direction = params.sortDir === "desc" ? -1 : 1;
  const key = (c: OracleContact): string | number => {
    switch (sortBy) {
      case "firstName":
        return c.firstName.toLowerCase();
      case "lastName":
        return c.lastName.toLowerCase();
      case "company":
        return (c.companyName ?? "").toLowerCase();
      case "createdAt":
        return c.createdAt;
      case "updatedAt":
        return c.updatedAt;
    }
  };
  const search = params.search?.toLowerCase();
  return contacts
    .filter((c) => decisions.get(c.id)?.read === true)
    .filter((c) => params.organizationId === undefined || c.organizationId === params.organizationId)
    .filter((c) => params.companyId === undefined || c.companyId === params.companyId)
    .filter((c) => params.isActive === undefined || c.isActive === params.isActive)
    .filter((c) => params.tag === undefined || c.tags.includes(params.tag))
    .filter((c) => !search || `${c.firstName} ${c.lastName}`.toLowerCase().includes(search))
    .sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
      return (a.id - b.id) * direction;
    });
}
