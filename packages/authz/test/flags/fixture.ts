import { fileURLToPath } from "node:url";
import type { Principal } from "@cerbos/core";
import { HTTP } from "@cerbos/http";
import { type Pdp, startPdp } from "@repo/pdp";
import {
  findMariadbBinaries,
  findPostgresBinDir,
  mariadbRequired,
  postgresRequired,
  startMariadb,
  startPostgres,
} from "@repo/testing";
import { Sequelize } from "sequelize";
import { afterAll, beforeAll } from "vitest";
import { type DocumentRow, generateDocuments, insertDocuments, oracleResource } from "./dataset.ts";
import { defineFlagModels, type FlagModels } from "./models.ts";

export const flagPoliciesDir = fileURLToPath(new URL("./policies", import.meta.url));

export interface FlagDatabase {
  readonly label: string;
  readonly sequelize: Sequelize;
  readonly models: FlagModels;
}

export interface FlagFixture {
  cerbos(): HTTP;
  pdpUrl(): string;
  database(label: string): FlagDatabase;
  readonly rows: readonly DocumentRow[];
}

export const dialects = [
  { label: "SQLite", runs: true },
  { label: "PostgreSQL", runs: postgresRuns() },
  { label: "MariaDB", runs: mariadbRuns() },
] as const;

/** MariaDB likewise (CI=true: a missing mariadbd fails); its tables keep the server's case-insensitive collation. */
function mariadbRuns(): boolean {
  if (mariadbRequired() || findMariadbBinaries() !== undefined) return true;
  console.warn("\n!!! authz flag suite on MariaDB SKIPPED: mariadbd not found (CI=true makes this a failure).\n");
  return false;
}

/** Postgres runs in CI (CI=true: a missing server fails) and wherever its binaries are installed. */
function postgresRuns(): boolean {
  if (postgresRequired() || findPostgresBinDir() !== undefined) return true;
  console.warn(
    "\n!!! authz flag suite on PostgreSQL SKIPPED: initdb/pg_ctl not found (CI=true makes this a failure).\n",
  );
  return false;
}

/** One PDP on the flag suite's policies and each dialect's database with the same generated rows. */
export function useFlagFixture(rowCount: number): FlagFixture {
  const rows = generateDocuments(rowCount);
  let pdp: Pdp | undefined;
  let client: HTTP | undefined;
  const databases = new Map<string, FlagDatabase>();
  const closers: Array<() => Promise<void>> = [];

  const open = async (label: string) => {
    let sequelize: Sequelize;
    if (label === "SQLite") {
      sequelize = new Sequelize({ dialect: "sqlite", storage: ":memory:", logging: false });
      closers.push(() => sequelize.close());
    } else if (label === "MariaDB") {
      const server = await startMariadb();
      closers.push(() => server.stop());
      sequelize = new Sequelize(await server.createDatabase("authz_flags"), { dialect: "mariadb", logging: false });
      closers.push(() => sequelize.close());
    } else {
      const cluster = await startPostgres();
      closers.push(() => cluster.stop());
      sequelize = new Sequelize(await cluster.createDatabase("authz_flags"), { dialect: "postgres", logging: false });
      closers.push(() => sequelize.close());
    }
    const models = defineFlagModels(sequelize);
    await insertDocuments(models, rows);
    databases.set(label, { label, sequelize, models });
  };

  beforeAll(async () => {
    const start = async () => {
      pdp = await startPdp({ policiesDir: flagPoliciesDir, celErrorLogLevel: "none" });
      client = new HTTP(pdp.httpUrl);
    };
    await Promise.all([start(), ...dialects.filter((d) => d.runs).map((d) => open(d.label))]);
  }, 120_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await pdp?.stop();
  });

  return {
    rows,
    cerbos() {
      if (!client) throw new Error("the flag suite's PDP did not start");
      return client;
    },
    pdpUrl() {
      if (!pdp) throw new Error("the flag suite's PDP did not start");
      return pdp.httpUrl;
    },
    database(label) {
      const found = databases.get(label);
      if (!found) throw new Error(`the ${label} database of the flag suite was not set up`);
      return found;
    },
  };
}

export interface OracleDecision {
  readonly allowed: Record<string, boolean>;
  readonly validationErrors: number;
}

/** CheckResources for every row and action (the oracle), 50 resources per request. */
export async function checkEveryRow(
  cerbos: HTTP,
  principal: Principal,
  rows: readonly DocumentRow[],
  actions: readonly string[],
): Promise<Map<number, OracleDecision>> {
  const decisions = new Map<number, OracleDecision>();
  const batches: DocumentRow[][] = [];
  for (let start = 0; start < rows.length; start += 50) batches.push(rows.slice(start, start + 50));
  await Promise.all(
    batches.map(async (batch) => {
      const response = await cerbos.checkResources({
        principal,
        resources: batch.map((row) => ({ resource: oracleResource(row), actions: [...actions] })),
      });
      batch.forEach((row, index) => {
        const result = response.results[index];
        if (result?.resource.id !== String(row.id))
          throw new Error(`CheckResources answered out of order at ${row.id}`);
        const allowed = Object.fromEntries(actions.map((action) => [action, result.isAllowed(action) === true]));
        decisions.set(row.id, { allowed, validationErrors: result.validationErrors.length });
      });
    }),
  );
  return decisions;
}
