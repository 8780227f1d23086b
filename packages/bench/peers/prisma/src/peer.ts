/**
 * The Prisma peer of the bench's authorized list: Prisma 7 (Rust-free client, better-sqlite3
 * driver adapter) with @cerbos/orm-prisma translating the same query plan. Loaded by the bench
 * (packages/bench/src/peers/prisma.ts) with a dynamic import once `npm ci` has run here.
 */

import { PlanKind, queryPlanToPrisma } from "@cerbos/orm-prisma";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/client.ts";

type PrismaPlan = Parameters<typeof queryPlanToPrisma>[0]["queryPlan"];
type Where = Record<string, unknown>;

export type PeerFilter = { kind: "denied" } | { kind: "where"; where: Where };

/** The same attributes apps/api's contactMapper maps. */
const mapper = {
  "request.resource.id": { field: "id" },
  "request.resource.attr.ownerId": { field: "ownerId" },
  "request.resource.attr.organizationId": { field: "organizationId" },
  "request.resource.attr.companyId": { field: "companyId" },
  "request.resource.attr.isActive": { field: "isActive" },
  "request.resource.attr.marketingOptIn": { field: "marketingOptIn" },
  "request.resource.attr.tags": { relation: { name: "tags", type: "many", field: "name" } },
} as const;

/**
 * orm-prisma writes `"x" in R.attr.tags` as `tags: { some: { name: … } }`; through the explicit
 * join model the tag's name is one hop further: `tags: { some: { tag: { name: … } } }`.
 */
function throughJoinModel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(throughJoinModel);
  if (typeof value !== "object" || value === null) return value;
  const out: Where = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "tags" && typeof inner === "object" && inner !== null) {
      out.tags = Object.fromEntries(
        Object.entries(inner).map(([quantifier, element]) => [quantifier, { tag: throughJoinModel(element) }]),
      );
    } else {
      out[key] = throughJoinModel(inner);
    }
  }
  return out;
}

/** orm-prisma's translation plus the join-model rewrite (both count as translation time). */
export function translate(plan: unknown): PeerFilter {
  const result = queryPlanToPrisma({ queryPlan: plan as PrismaPlan, mapper });
  if (result.kind !== PlanKind.CONDITIONAL) {
    return result.kind === PlanKind.ALWAYS_DENIED ? { kind: "denied" } : { kind: "where", where: {} };
  }
  return { kind: "where", where: throughJoinModel(result.filters) as Where };
}

export interface PeerPage {
  ids: number[];
  total: number;
}

export interface Peer {
  /** One page (`take` rows by lastName, id; Prisma's orderBy cannot take lower()) + the exact total. */
  page(filter: PeerFilter, take: number): Promise<PeerPage>;
  /** EXPLAIN QUERY PLAN of each statement `page` sends (needs `logQueries`), one line each. */
  explain(filter: PeerFilter, take: number): Promise<string[]>;
  close(): Promise<void>;
}

interface QueryEvent {
  query: string;
  params: string;
}

export interface PeerOptions {
  /** Run once on the client's (single) better-sqlite3 connection: the Sequelize side's settings. */
  pragmas: readonly string[];
  /** Emit Prisma's query events so `capture` works (off for timed runs: the events cost time). */
  logQueries: boolean;
}

/** A Prisma client on the bench's SQLite file. */
export async function openPeer(sqlitePath: string, options: PeerOptions): Promise<Peer> {
  const adapter = new PrismaBetterSqlite3({ url: `file:${sqlitePath}` });
  const prisma = options.logQueries
    ? new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] })
    : new PrismaClient({ adapter });
  let listener: ((event: QueryEvent) => void) | undefined;
  if (options.logQueries) {
    (prisma as unknown as { $on(event: "query", fn: (event: QueryEvent) => void): void }).$on("query", (event) =>
      listener?.(event),
    );
  }
  await prisma.$connect();
  for (const pragma of options.pragmas) await prisma.$queryRawUnsafe(pragma);
  const page = async (filter: PeerFilter, take: number): Promise<PeerPage> => {
    if (filter.kind === "denied") return { ids: [], total: 0 };
    const rows = await prisma.contact.findMany({
      where: filter.where,
      orderBy: [{ lastName: "asc" }, { id: "asc" }],
      take,
    });
    const total = await prisma.contact.count({ where: filter.where });
    return { ids: rows.map((row) => row.id), total };
  };
  return {
    page,
    async explain(filter, take) {
      if (!options.logQueries) throw new Error("openPeer({ logQueries: true }) to explain its statements");
      const statements: QueryEvent[] = [];
      listener = (event) => statements.push(event);
      try {
        await page(filter, take);
      } finally {
        listener = undefined;
      }
      const plans: string[] = [];
      for (const { query, params } of statements) {
        const values = (JSON.parse(params) as unknown[]).map((value) =>
          typeof value === "boolean" ? Number(value) : value,
        );
        const rows = await prisma.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query}`, ...values);
        plans.push(rows.map((row) => row.detail.trim()).join("; "));
      }
      return plans;
    },
    close: () => prisma.$disconnect(),
  };
}
