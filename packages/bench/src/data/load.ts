import { columns, type Dataset, type Row, type Table } from "./generate.ts";
import type { RawSqlite, RawStatement } from "./sqlite.ts";

/** SQLite allows 32,766 bound parameters per statement; stay well below. */
const maxParameters = 8000;

export interface LoadStats {
  rows: number;
  contacts: number;
  seconds: number;
}

/**
 * Bulk-loads a dataset with multi-row INSERTs inside one transaction; WAL and synchronous=OFF
 * for the load only (a crash mid-load just means building the temp file again).
 */
export async function loadDataset(
  db: RawSqlite,
  dataset: Dataset,
  onProgress: (contacts: number) => void,
): Promise<LoadStats> {
  const started = performance.now();
  await db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; BEGIN");
  let rows = 0;
  try {
    for (const table of ["organizations", "users", "memberships", "companies", "tags"] as const) {
      rows += await insertAll(db, table, dataset.small[table]);
    }
    const contacts = new BatchInserter(db, "contacts");
    const contactTags = new BatchInserter(db, "contact_tags");
    let count = 0;
    for (const { contact, tags } of dataset.contacts()) {
      await contacts.add(contact);
      for (const tag of tags) await contactTags.add(tag);
      if (++count % 100_000 === 0) onProgress(count);
    }
    rows += (await contacts.flush()) + (await contactTags.flush());
    await db.exec("COMMIT");
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
  await db.exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
  return { rows, contacts: dataset.shape.contacts, seconds: (performance.now() - started) / 1000 };
}

async function insertAll(db: RawSqlite, table: Table, rows: readonly Row[]): Promise<number> {
  const inserter = new BatchInserter(db, table);
  for (const row of rows) await inserter.add(row);
  return inserter.flush();
}

/** Collects rows and inserts them in full batches through one prepared statement. */
class BatchInserter {
  private readonly width: number;
  private readonly batchRows: number;
  private pending: unknown[] = [];
  private fullStatement: RawStatement | undefined;
  private inserted = 0;

  constructor(
    private readonly db: RawSqlite,
    private readonly table: Table,
  ) {
    this.width = columns[table].length;
    this.batchRows = Math.floor(maxParameters / this.width);
  }

  async add(row: Row): Promise<void> {
    for (const value of row) this.pending.push(value);
    if (this.pending.length >= this.batchRows * this.width) {
      this.fullStatement ??= await this.db.prepare(this.insertSql(this.batchRows));
      await this.fullStatement.run(this.pending);
      this.inserted += this.batchRows;
      this.pending = [];
    }
  }

  /** Inserts what is left; returns the number of rows inserted in all. */
  async flush(): Promise<number> {
    const remaining = this.pending.length / this.width;
    if (remaining > 0) {
      const statement = await this.db.prepare(this.insertSql(remaining));
      await statement.run(this.pending);
      await statement.finalize();
      this.inserted += remaining;
      this.pending = [];
    }
    await this.fullStatement?.finalize();
    this.fullStatement = undefined;
    return this.inserted;
  }

  private insertSql(rowCount: number): string {
    const names = columns[this.table].map((name) => `"${name}"`).join(", ");
    const tuple = `(${columns[this.table].map(() => "?").join(", ")})`;
    return `INSERT INTO "${this.table}" (${names}) VALUES ${Array.from({ length: rowCount }, () => tuple).join(", ")}`;
  }
}
