import type { Value } from "@cerbos/core";
import { hostileResourceKind } from "../policies/hostile-principal.ts";
import type { HostileDataset, HostilePerson, HostileRow, PersonRef } from "./dataset.ts";

export type NullRepresentation = "explicit" | "omitted";

export interface OracleResource {
  kind: string;
  id: string;
  attr: Record<string, Value>;
}

type Attributes = Record<string, Value>;

/** JSON has no NaN or ±Infinity: such a double reaches Cerbos as null. */
const json = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : value);

/**
 * The Cerbos resource for a generated row, written straight from the generated data (never
 * through toCerbosResource, so a wrong mapping cannot agree with itself), the way an application
 * would build it by hand:
 * - `explicit`: a NULL column is `"x": null`; a missing related row (no owner, a dangling owner
 *   key, no manager, no detail, no contact person) is `"owner": null`.
 * - `omitted`: a NULL column has no key; a missing related row has no key.
 * A related row that exists is an object, even when all its fields are omitted.
 */
export function oracleResource(
  dataset: HostileDataset,
  row: HostileRow,
  representation: NullRepresentation,
): OracleResource {
  const explicit = representation === "explicit";
  const person = (ref: PersonRef): HostilePerson | undefined => {
    if (ref === null || ref === "dangling") return undefined;
    const found = dataset.people[ref];
    if (!found) throw new Error(`row ${row.id} names person ${ref}, which does not exist`);
    return found;
  };
  const nullable = (target: Attributes, key: string, value: Value | null) => {
    if (value !== null || explicit) target[key] = value;
  };
  /** A related row: its object, or null / no key when there is none. */
  const relation = (target: Attributes, key: string, fields: Attributes | undefined) => {
    if (fields !== undefined) target[key] = fields;
    else if (explicit) target[key] = null;
  };
  const department = (someone: HostilePerson): Attributes => {
    const fields: Attributes = {};
    nullable(fields, "department", someone.department);
    return fields;
  };
  const owner = (someone: HostilePerson): Attributes => {
    const fields: Attributes = { skills: someone.skills };
    nullable(fields, "name", someone.name);
    nullable(fields, "department", someone.department);
    const manager = person(someone.managerIndex);
    relation(fields, "manager", manager && { ...department(manager), skills: manager.skills });
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
      const someone = person(contact.personIndex);
      relation(element, "person", someone && department(someone));
      return element;
    }),
  };
  nullable(attr, "nickname", row.nickname);
  nullable(attr, "score", row.score);
  nullable(attr, "flagged", row.flagged);
  nullable(attr, "ratio", json(row.ratio));
  nullable(attr, "weight", json(row.weight));
  nullable(attr, "path", row.path);
  const someone = person(row.ownerIndex);
  relation(attr, "owner", someone && owner(someone));
  const { detail } = row;
  let detailFields: Attributes | undefined;
  if (detail !== null) {
    detailFields = { title: detail.title, notes: detail.notes };
    nullable(detailFields, "rank", detail.rank);
    nullable(detailFields, "archived", detail.archived);
  }
  relation(attr, "detail", detailFields);
  return { kind: hostileResourceKind, id: row.id, attr };
}
