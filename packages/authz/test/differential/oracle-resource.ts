import type { Value } from "@cerbos/core";
import { hostileResourceKind } from "../policies/hostile-principal.ts";
import type { HostileDataset, HostilePerson, HostileRow } from "./dataset.ts";

export type NullRepresentation = "explicit" | "omitted";

export interface OracleResource {
  kind: string;
  id: string;
  attr: Record<string, Value>;
}

type Attributes = Record<string, Value>;

/**
 * The Cerbos resource for a generated row, written straight from the generated data (never
 * through toCerbosResource, so a wrong mapping cannot agree with itself). `omitted` leaves NULL
 * scalars (also NULL fields of list elements) out instead of sending `null`. A to-one chain reads
 * like a LEFT JOIN (the package's documented convention): a missing owner, manager or contact
 * person shows its fields as NULLs, so under `omitted` an object with only NULLs disappears.
 */
export function oracleResource(
  dataset: HostileDataset,
  row: HostileRow,
  representation: NullRepresentation,
): OracleResource {
  const person = (index: number | null): HostilePerson | undefined => {
    if (index === null) return undefined;
    const found = dataset.people[index];
    if (!found) throw new Error(`row ${row.id} names person ${index}, which does not exist`);
    return found;
  };
  const nullable = (target: Attributes, key: string, value: Value | null) => {
    if (value !== null || representation === "explicit") target[key] = value;
  };
  const object = (target: Attributes, key: string, fields: Attributes) => {
    if (Object.keys(fields).length > 0) target[key] = fields;
  };
  const departmentOf = (someone: HostilePerson | undefined) => {
    const fields: Attributes = {};
    nullable(fields, "department", someone?.department ?? null);
    return fields;
  };

  const attr: Attributes = {
    name: row.name,
    amount: row.amount,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    labels: row.labels,
    tags: row.tags,
    contacts: row.contacts.map((contact) => {
      const element: Attributes = { primary: contact.primary, phones: contact.phones };
      nullable(element, "email", contact.email);
      object(element, "person", departmentOf(person(contact.personIndex)));
      return element;
    }),
  };
  nullable(attr, "nickname", row.nickname);
  nullable(attr, "score", row.score);
  nullable(attr, "flagged", row.flagged);
  const owner = person(row.ownerIndex);
  const ownerAttr: Attributes = {};
  nullable(ownerAttr, "name", owner?.name ?? null);
  nullable(ownerAttr, "department", owner?.department ?? null);
  object(ownerAttr, "manager", departmentOf(person(owner?.managerIndex ?? null)));
  object(attr, "owner", ownerAttr);
  return { kind: hostileResourceKind, id: row.id, attr };
}
