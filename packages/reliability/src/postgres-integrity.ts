import type { SqlReader } from "@repo/testing";

/**
 * What a Postgres database's catalog says about its schema and whether its rows still obey it,
 * read with plain SQL (the crash-safety scenario's checks after kill -9 and restarts).
 */

/** Columns, constraints and indexes of the public schema, in a stable order (equal before and after restarts). */
export async function postgresSchema(db: SqlReader): Promise<Record<string, unknown[]>> {
  const columns = await db.all(
    `SELECT "table_name", "column_name", "data_type", "character_maximum_length", "is_nullable", "column_default"
       FROM information_schema.columns WHERE "table_schema" = 'public' ORDER BY 1, 2`,
  );
  const constraints = await db.all(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS "name", c.contype AS "type",
            pg_get_constraintdef(c.oid) AS "definition"
       FROM pg_constraint c WHERE c.connamespace = 'public'::regnamespace ORDER BY 1, 2`,
  );
  const indexes = await db.all(
    `SELECT "tablename", "indexname", "indexdef" FROM pg_indexes WHERE "schemaname" = 'public' ORDER BY 1, 2`,
  );
  return { columns, constraints, indexes };
}

export interface ConstraintCheck {
  /** `child.column → parent.column` of every foreign key, and `table (columns)` of every unique index. */
  foreignKeys: string[];
  uniques: string[];
  /** Queries run over the rows (one per foreign key and unique index) plus the catalog checks. */
  checks: number;
  /** Orphan rows, duplicates, constraints not validated, invalid indexes: empty when intact. */
  problems: string[];
}

interface ForeignKey {
  name: string;
  child: string;
  column: string;
  parent: string;
  parentColumn: string;
  width: number;
}

/**
 * Every foreign key has no orphan (a non-NULL reference to a row that does not exist), every
 * unique index (primary keys included) no duplicate, every constraint is validated and every
 * index valid. The keys and indexes come from the catalog, so a new table is checked too.
 */
export async function checkPostgresConstraints(db: SqlReader): Promise<ConstraintCheck> {
  const problems: string[] = [];
  const keys = await db.all<ForeignKey>(
    `SELECT c.conname AS "name", quote_ident(ch.relname) AS "child", quote_ident(a.attname) AS "column",
            quote_ident(p.relname) AS "parent", quote_ident(pa.attname) AS "parentColumn",
            array_length(c.conkey, 1) AS "width"
       FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid
       JOIN pg_class p ON p.oid = c.confrelid
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace ORDER BY 2, 3`,
  );
  for (const key of keys) {
    if (Number(key.width) !== 1) problems.push(`foreign key ${key.name} has ${key.width} columns: not checked`);
    const [orphans] = await db.all<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS "n" FROM ${key.child} x
        WHERE x.${key.column} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p.${key.parentColumn} = x.${key.column})`,
    );
    if (Number(orphans?.n) !== 0)
      problems.push(`${orphans?.n} ${key.child} rows with a ${key.column} not in ${key.parent}`);
  }
  const uniques = await db.all<{ name: string; table: string; columns: string }>(
    `SELECT i.relname AS "name", quote_ident(t.relname) AS "table",
            array_to_string(ARRAY(
              SELECT quote_ident(a.attname) FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o), ', ') AS "columns"
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE x.indisunique AND x.indexprs IS NULL AND t.relnamespace = 'public'::regnamespace ORDER BY 2, 1`,
  );
  for (const unique of uniques) {
    const notNull = unique.columns
      .split(", ")
      .map((column) => `${column} IS NOT NULL`)
      .join(" AND ");
    const [duplicates] = await db.all<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS "n" FROM (SELECT 1 FROM ${unique.table} WHERE ${notNull}
          GROUP BY ${unique.columns} HAVING count(*) > 1) d`,
    );
    if (Number(duplicates?.n) !== 0) problems.push(`${duplicates?.n} duplicated keys in ${unique.name}`);
  }
  const notValidated = await db.all<{ name: string }>(
    `SELECT conname AS "name" FROM pg_constraint WHERE NOT convalidated AND connamespace = 'public'::regnamespace`,
  );
  for (const { name } of notValidated) problems.push(`constraint ${name} is not validated`);
  const invalid = await db.all<{ name: string }>(
    `SELECT x.indexrelid::regclass::text AS "name" FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND NOT (x.indisvalid AND x.indisready AND x.indislive)`,
  );
  for (const { name } of invalid) problems.push(`index ${name} is not valid`);
  return {
    foreignKeys: keys.map((key) => unquoted(`${key.child}.${key.column} → ${key.parent}.${key.parentColumn}`)),
    uniques: uniques.map((unique) => unquoted(`${unique.table} (${unique.columns})`)),
    checks: keys.length + uniques.length + 2,
    problems: problems.map(unquoted),
  };
}

const unquoted = (text: string) => text.replaceAll('"', "");
