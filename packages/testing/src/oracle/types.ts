/**
 * The Cerbos shapes the oracle builds, declared structurally so this package needs no Cerbos
 * dependency: they are assignable to `@cerbos/core`'s `Principal` and `Resource`, and any client
 * with `checkResources` (e.g. `new HTTP(url)` from `@cerbos/http`) is a `CheckClient`.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface OraclePrincipal {
  id: string;
  roles: string[];
  attr: Record<string, JsonValue>;
}

export interface OracleResource {
  kind: string;
  id: string;
  attr: Record<string, JsonValue>;
}

/** What the oracle decides on: its own principals and resources, or `@cerbos/core`'s (attr optional there). */
export interface PrincipalInput {
  id: string;
  roles: string[];
  attr?: Record<string, JsonValue> | undefined;
}

export interface ResourceInput {
  kind: string;
  id: string;
  attr?: Record<string, JsonValue> | undefined;
}

export interface CheckClient {
  checkResources(request: {
    principal: PrincipalInput;
    resources: { resource: ResourceInput; actions: string[] }[];
  }): Promise<{
    results: { validationErrors: unknown[]; isAllowed(action: string): boolean | undefined }[];
  }>;
}

/**
 * Plain SQL against the API's database, with `?` placeholders: a Sequelize connection
 * (`@repo/api/testing`'s `stack.sql`) on SQLite or Postgres, or a `sqlite3` handle of the file.
 * Identifiers are double-quoted, which both dialects accept.
 */
export interface SqlReader {
  all<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}
