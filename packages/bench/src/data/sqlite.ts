import sqlite3 from "sqlite3";

/** A promise wrapper over the few sqlite3 calls the loader needs. */
export interface RawSqlite {
  exec(sql: string): Promise<void>;
  prepare(sql: string): Promise<RawStatement>;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface RawStatement {
  run(params: readonly unknown[]): Promise<void>;
  finalize(): Promise<void>;
}

export function openRawSqlite(path: string): Promise<RawSqlite> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(wrap(db))));
  });
}

const done =
  (resolve: () => void, reject: (error: Error) => void) =>
  (error: Error | null): void =>
    error ? reject(error) : resolve();

function wrap(db: sqlite3.Database): RawSqlite {
  return {
    exec: (sql) => new Promise((resolve, reject) => db.exec(sql, done(resolve, reject))),
    prepare: (sql) =>
      new Promise((resolve, reject) => {
        const statement = db.prepare(sql, (error) =>
          error
            ? reject(error)
            : resolve({
                run: (params) => new Promise((res, rej) => statement.run(params as unknown[], done(res, rej))),
                finalize: () => new Promise((res) => statement.finalize(() => res())),
              }),
        );
      }),
    all: <T>(sql: string, params: readonly unknown[] = []) =>
      new Promise<T[]>((resolve, reject) =>
        db.all(sql, params as unknown[], (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
      ),
    close: () => new Promise((resolve, reject) => db.close(done(resolve, reject))),
  };
}

export async function sqliteVersion(): Promise<string> {
  const db = await openRawSqlite(":memory:");
  try {
    const [row] = await db.all<{ version: string }>("SELECT sqlite_version() AS version");
    return row?.version ?? "unknown";
  } finally {
    await db.close();
  }
}
