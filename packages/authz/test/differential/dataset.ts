/** One generated `hostile` resource, exactly as the oracle and the database both see it. */
export interface HostileRow {
  id: string;
  name: string;
  nickname: string | null;
  amount: number;
  score: number | null;
  active: boolean;
  flagged: boolean | null;
  createdAt: Date;
  /** A double (NaN and ±Infinity included: they reach Cerbos as null), or NULL. */
  ratio: number | null;
  /** A NOT NULL double (NaN and ±Infinity included). */
  weight: number;
  /** A hierarchy text (`a.b.c`, `a:b`), or NULL. */
  path: string | null;
  /** Index into `people`; null: no owner (NULL key); "dangling": a key with no person row. */
  ownerIndex: PersonRef;
  /** The hasOne detail row, or null when the row has none. */
  detail: HostileDetail | null;
  /** Label names; null elements are NULL `name` columns of label rows. */
  labels: (string | null)[];
  /** Tag names (unique per row, each a row of the tag pool). */
  tags: string[];
  contacts: HostileContact[];
}

/** A to-one reference: a row, a NULL key, or a key that matches no row (no foreign-key constraint). */
export type PersonRef = number | null | "dangling";

export interface HostileDetail {
  title: string;
  rank: number | null;
  archived: boolean | null;
  /** A collection behind the hasOne (hop, then hasMany); null elements are NULL bodies. */
  notes: (string | null)[];
}

export interface HostileContact {
  email: string | null;
  primary: boolean;
  /** Index into `people`, or null (to-one association inside a list element). */
  personIndex: number | null;
  /** A collection inside a list element (nested lambdas); null elements are NULL numbers. */
  phones: (string | null)[];
}

export interface HostilePerson {
  name: string;
  department: string | null;
  /** The manager: a to-one association two hops from the root. */
  managerIndex: PersonRef;
  /** A collection behind the owner hop (and behind owner.manager). */
  skills: (string | null)[];
}

export interface HostileDataset {
  seed: number;
  people: HostilePerson[];
  tagNames: string[];
  rows: HostileRow[];
}
