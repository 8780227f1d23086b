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
 * scalars, a NULL owner department and a missing owner out instead of sending `null`.
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
    contacts: row.contacts.map((contact) => ({ email: contact.email, primary: contact.primary })),
  };
  setNullable(attr, "nickname", row.nickname, representation);
  setNullable(attr, "score", row.score, representation);
  setNullable(attr, "flagged", row.flagged, representation);
  const owner = row.ownerIndex === null ? null : dataset.people[row.ownerIndex];
  if (owner === undefined) throw new Error(`row ${row.id} names a person that does not exist`);
  if (owner === null) {
    setNullable(attr, "owner", null, representation);
  } else {
    const ownerAttr: Record<string, Value> = { name: owner.name };
    setNullable(ownerAttr, "department", owner.department, representation);
    attr.owner = ownerAttr;
  }
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
