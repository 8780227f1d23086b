import sqlite3 from "sqlite3";

/**
 * Reads the API's SQLite file directly (its own connection, no Sequelize, no API code), so what
 * the tests verify does not depend on the code under test.
 */
export interface SqliteReader {
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export function openSqlite(file: string, mode: "read" | "write" = "read"): Promise<SqliteReader> {
  const flags = mode === "read" ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE;
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, flags, (error) => {
      if (error) return reject(error);
      db.configure("busyTimeout", 5000);
      resolve({
        all: <Row>(sql: string, params: unknown[] = []) =>
          new Promise<Row[]>((done, fail) =>
            db.all(sql, params, (err, rows) => (err ? fail(err) : done(rows as Row[]))),
          ),
        close: () => new Promise<void>((done, fail) => db.close((err) => (err ? fail(err) : done()))),
      });
    });
  });
}
