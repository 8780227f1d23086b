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
  /** Index into `people`, or null: the to-one association is missing. */
  ownerIndex: number | null;
  /** Label names; null elements are NULL `name` columns of label rows. */
  labels: (string | null)[];
  /** Tag names (unique per row, each a row of the tag pool). */
  tags: string[];
  contacts: HostileContact[];
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
  /** Index into `people`, or null: a to-one association two hops from the root. */
  managerIndex: number | null;
}

export interface HostileDataset {
  seed: number;
  people: HostilePerson[];
  tagNames: string[];
  rows: HostileRow[];
}
