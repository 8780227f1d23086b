import type { Value } from "@cerbos/core";
import { hostileResourceKind } from "../policies/hostile-principal.ts";
import type { HostileDataset, HostileRow } from "./dataset.ts";

export type NullRepresentation = "explicit" | "omitted";

export interface OracleResource {
  kind: string;
  id: string;
  attr: Record<string, Value>;
}

/**
 * The Cerbos resource for a generated row, written straight from the generated data (never
 * through toCerbosResource, so a wrong mapping cannot agree with itself). `omitted` leaves NULL
 * scalars (also contact emails) out instead of sending `null`. A missing owner reads as an owner whose fields are all
 * NULL (the package's documented convention for to-one chains), so `omitted` drops `owner`.
 */
export function oracleResource(
  dataset: HostileDataset,
  row: HostileRow,
  representation: NullRepresentation,
): OracleResource {
  const attr: Record<string, Value> = {
    name: row.name,
    amount: row.amount,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    labels: row.labels,
    tags: row.tags,
    contacts: row.contacts.map((contact) => {
      const element: Record<string, Value> = { primary: contact.primary };
      setNullable(element, "email", contact.email, representation);
      return element;
    }),
  };
  setNullable(attr, "nickname", row.nickname, representation);
  setNullable(attr, "score", row.score, representation);
  setNullable(attr, "flagged", row.flagged, representation);
  // A to-one chain reads like a LEFT JOIN: a missing owner shows its fields as NULLs.
  const owner = row.ownerIndex === null ? { name: null, department: null } : dataset.people[row.ownerIndex];
  if (owner === undefined) throw new Error(`row ${row.id} names a person that does not exist`);
  const ownerAttr: Record<string, Value> = {};
  setNullable(ownerAttr, "name", owner.name, representation);
  setNullable(ownerAttr, "department", owner.department, representation);
  if (Object.keys(ownerAttr).length > 0) attr.owner = ownerAttr;
  return { kind: hostileResourceKind, id: row.id, attr };
}

function setNullable(
  target: Record<string, Value>,
  key: string,
  value: Value | null,
  representation: NullRepresentation,
): void {
  if (value === null && representation === "omitted") return;
  target[key] = value;
}
