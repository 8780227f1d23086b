import type { BenchConfig } from "./config.ts";
import { benchUserNames } from "./data/generate.ts";
import { expectedLevers, leverColumns } from "./levers/section.ts";
import { listColumns } from "./list/section.ts";
import { pdpShareRows } from "./load/pdp-share.ts";
import { isCursorPage, loadColumns, loadProcedures, procedures } from "./load/section.ts";
import {
  planCacheMs,
  planCacheNames,
  readConnectionNames,
  readConnections,
  settingColumns,
  settingConnections,
  settingProcedures,
  transportNames,
} from "./load/setting-section.ts";
import { verifyColumns, verifyConnections } from "./load/verify-section.ts";
import { peerColumns } from "./peers/section.ts";
import type { Report, Section } from "./report.ts";
import { translationColumns } from "./translation/section.ts";

export interface Sections {
  data: Section;
  list: Section;
  proposedIndexes: Section;
  levers: Section;
  peers: Section | undefined;
  naive: Section;
  translation: Section;
  load: Section;
  pdpShare: Section;
  verify: Section;
  transport: Section;
  planCache: Section;
  readConnections: Section;
  breakdown: Section;
  growth: Section;
  explain: Section;
}

const size = (contacts: number) => contacts.toLocaleString("en-US");

/** Declares every table and every row the run must fill (a row left empty fails the run). */
export function declareSections(report: Report, config: BenchConfig, planNames: readonly string[]): Sections {
  const { list: listRuns } = config;
  const sections: Sections = {
    data: report.section(
      "1. Data: generation and bulk load",
      ["contacts"],
      ["rows inserted", "seconds", "rows/s", "database MiB", "ANALYZE s"],
      "Generated (seeded, reproducible) and inserted with multi-row INSERTs in one transaction (WAL, synchronous=OFF for the load) into a fresh SQLite file migrated by apps/api's own migration, indexes included, then a full ANALYZE (planner statistics). Rows = contacts + contact_tags + users, memberships, organizations, companies, tags. One load per size (not repeated).",
    ),
    list: report.section(
      "2. Authorized list: one page (50, by lastName) + exact total",
      ["contacts", "user"],
      listColumns,
      `Median [min–max] of ${listRuns.runs} runs after ${listRuns.warmup} warm-up runs, all parts timed in the same runs. (a) PlanResources on the real PDP over HTTP; (b) queryPlanToSequelize; (c) Contact.findAll (order lower(lastName), id; limit 50) + Contact.count with the translated where, against SQL written by hand from the policy and run with sequelize.query on the same connection (same page and total checked every run; the ratio is taken run by run); (d) = a + b + c.`,
    ),
    proposedIndexes: report.section(
      "2b. What migration 0002's indexes buy (dropped, measured, recreated, measured)",
      ["contacts", "user"],
      ["(c) Sequelize ms, without the 0002 indexes", "(c) Sequelize ms, with them", "speed-up"],
      "Measured at the largest size on the bench's temp file: the same (c) with the indexes listed below dropped, then recreated as apps/api's migration 0002 creates them.",
    ),
    levers: report.section(
      "2d. Levers: what each SQLite setting, the statistics and migration 0003's index buy",
      ["contacts", "lever", "user"],
      leverColumns,
      `Median [min–max] of ${listRuns.runs} runs after ${listRuns.warmup} warm-up runs. **pragma X**: (c) on a connection with SQLite's defaults (cache_size -2000, mmap_size 0, temp_store default) against one with only the candidate value of X; **pragma as apps/api ships**: against what apps/api sets on every connection (\`sqlitePragmas\` in apps/api/src/db/connect.ts: the candidates that helped); one connection per variant, the variants take turns within each run, ratio run by run. **ANALYZE**: (c) with the planner statistics deleted, then after a full ANALYZE (two blocks, ratio of medians). **0003 index, one organization**: the page statement of apps/api's list (ids + sort keys, lower(lastName), id, limit 51) filtered to the user's first organization, with migration 0003's indexes dropped, then recreated (two blocks). **UNION ALL per organization**: that page statement over all the user's organizations as the list sends it today, against one arm per organization merged by a compound ORDER BY (bench-built SQL; same page checked every run; paired). **one-call partition option**: the contacts list as apps/api calls @repo/authz's authorizedFindAndCountAll (PlanResources for read, update, delete; keys-only page; rows loaded by key; flags in SQL; exact count), without and with partition over the user's organizations (one sorted, LIMITed statement per organization, merged: what apps/api's contacts list now sends on SQLite); same page, flags and count checked every run; paired, order alternating.`,
    ),
    peers: config.peers
      ? report.section(
          "2e. Side by side: ours (A) against Prisma 7 + @cerbos/orm-prisma 4.1 (B) and hand-written SQL (C)",
          ["contacts", "user"],
          peerColumns,
          `One page (50) + exact total on the same SQLite file, from the same PlanResources answer each run. A: queryPlanToSequelize + Contact.findAll + Contact.count (model instances); A raw: the same with findAll({ raw: true }) (plain rows, as B returns them; the lever of issue 16); B: orm-prisma's queryPlanToPrisma (plus its rewrite through the explicit contact_tags join model) + prisma.contact.findMany + count, Prisma 7.10 Rust-free client on better-sqlite3 12 (packages/bench/peers/prisma); C: the hand-written SQL through sequelize.query. All three sort by lastName, id (Prisma's orderBy cannot take lower(); the page is the same) and use the same connection pragmas (apps/api's). A and B include their translation; the plan's HTTP call is outside all three. Every run checks A's and B's page and total against C's. Median [min–max] of ${listRuns.runs} runs after ${listRuns.warmup} warm-up runs; the order of A, A raw, B, C rotates run by run; ratios run by run.`,
        )
      : undefined,
    naive: report.section(
      "2c. Adapter vs the naive way (load every row, CheckResources in batches of 50)",
      ["contacts", "user", "what"],
      ["naive ms", "(d) whole list ms", "naive / adapter"],
      `The naive list loads every contact with its tags, asks CheckResources about all of them in batches of 50 (the PDP's limit; 4 batches in flight), then sorts, counts and cuts the page in memory. Both return the same page and total (checked). Median [min–max] of ${config.naive.runs} paired runs after ${config.naive.warmup} warm-up. The naive cost hardly depends on the user (it checks every row), so it is measured for the sales user.`,
    ),
    growth: report.section(
      "5. Growth: the whole list call (d) by size",
      ["user"],
      config.sizes.map((contacts) => `${size(contacts)} contacts, ms`),
      "Flat means the page comes from an index; linear means a scan or a sort of every visible row. The exact total is always linear in the visible rows.",
    ),
    translation: report.section(
      "3. Translation alone: µs per plan",
      ["recorded plan"],
      translationColumns,
      `Plans recorded from the real PDP for the shipped policies (packages/authz/test/recorded-plans), translated in this process by @repo/authz (queryPlanToSequelize, SQL text included) and by @cerbos/orm-prisma 2.0.1's queryPlanToPrisma (a filter object; no SQL) with the equivalent mapper. Mean µs per call within a run of ${config.translation.callsPerRun} calls; median [min–max] over ${config.translation.runs} runs after ${config.translation.warmupRuns} warm-up run(s).`,
    ),
    load: report.section(
      `4. API under load (startApi in its own process, ${size(config.loadSize)} contacts)`,
      ["procedure", "connections"],
      loadColumns,
      `Closed-loop keep-alive HTTP client in the bench process; connections take the three bench users in turn (signed in through auth.login first). contacts.list: one page of 50 by lastName with its total and allowed actions; contacts.list cursor page: the second page (the first page's nextCursor) with \`withTotal: false\`, as an infinite-scroll client asks it (the total is known from the first page: no count statement); contacts.list cursor page with total: the same page with the exact total counted again (the API's default); contacts.get: one readable contact. ${config.load.windows} windows of ${config.load.windowSeconds} s after a ${config.load.warmupSeconds} s warm-up: median [min–max] over windows. RSS: the API process, sampled every 100 ms. CPU per request: user + system time of the API process and of the PDP process over the timed windows (/proc, 10 ms ticks) divided by the requests served; the machine has 2 cores, so API + PDP CPU per request bounds the throughput near 2,000 / (API + PDP) requests/s, the bench client's own CPU aside. The API runs with its defaults (LIST_VERIFY=off, PLAN_CACHE_MS=0, SQLITE_READ_CONNECTIONS=4) and logs one line per request at info, to /dev/null.`,
    ),
    pdpShare: report.section(
      "4b. Share of the API latency that is the PDP, and the flags in SQL against CheckResources",
      ["procedure", "what the procedure asks"],
      ["ms (direct calls)", "share of the API p50 at 1 connection", "PDP CPU ms per call"],
      `The same requests sent directly from the bench process (sales user, one page of 50), median [min–max] of ${config.pdp.runs} calls after ${config.pdp.warmup} warm-up calls, against the API's p50 at one connection (LIST_VERIFY off; its one connection is the sales user's). The floor of a list: the three plans in parallel, then the hand-written page (50 contacts' columns) and exact count through sequelize.query on the bench's connection (no HTTP, no session, no flags, no owner, company or tags): the API's p50 against it (goal ≤ 1.3×). PDP CPU: user + system time of the PDP process over every call (/proc, 10 ms ticks), per call.`,
    ),
    verify: report.section(
      `4d. contacts.list with LIST_VERIFY=off (default) and LIST_VERIFY=check side by side (${size(config.loadSize)} contacts)`,
      ["connections"],
      verifyColumns,
      `Two API processes (startApi in its own process each) on the same database and PDP, one per setting; ${config.load.windows} windows of ${config.load.windowSeconds} s each, alternating between the two, after a ${config.load.warmupSeconds} s warm-up each: median [min–max] over windows, ratios window by window. check adds one batched CheckResources over every page (50 resources × 3 actions) and reloads the page with the mapper's associations.`,
    ),
    transport: report.section(
      `4e. contacts.list with the PDP over HTTP (default) and over gRPC side by side (${size(config.loadSize)} contacts)`,
      ["procedure", "connections"],
      settingColumns(transportNames),
      `Two API processes on the same database and PDP, one with CERBOS_URL=http://… (@cerbos/http) and one with CERBOS_URL=grpc://… (@cerbos/grpc, the PDP's gRPC port); ${config.load.windows} windows of ${config.load.windowSeconds} s each, alternating between the two, after a ${config.load.warmupSeconds} s warm-up each: median [min–max] over windows, ratios window by window. CPU: user + system time of that side's API process and of the PDP over all of its windows (/proc, 10 ms ticks), per list.`,
    ),
    planCache: report.section(
      `4f. contacts.list with plans asked on every list (default) and reused for ${planCacheMs / 1000} s (PLAN_CACHE_MS=${planCacheMs}) side by side (${size(config.loadSize)} contacts)`,
      ["procedure", "connections"],
      settingColumns(planCacheNames),
      `Two API processes on the same database and PDP, one with PLAN_CACHE_MS=0 (every list asks PlanResources for read, update and delete) and one with PLAN_CACHE_MS=${planCacheMs} (a list reuses the answer to the same request, same principal with its attributes, if it is at most ${planCacheMs} ms old: apps/api/src/authz/plan-cache.ts); ${config.load.windows} windows of ${config.load.windowSeconds} s each, alternating between the two, after a ${config.load.warmupSeconds} s warm-up each: median [min–max] over windows, ratios window by window. CPU: user + system time of that side's API process and of the PDP over all of its windows (/proc, 10 ms ticks), per list.`,
    ),
    readConnections: report.section(
      `4g. contacts.list with reads on ${readConnections.a} SQLite connection and on ${readConnections.b} (SQLITE_READ_CONNECTIONS, default ${readConnections.b}) side by side (${size(config.loadSize)} contacts)`,
      ["procedure", "connections"],
      settingColumns(readConnectionNames),
      `Two API processes on the same database file and PDP, one with SQLITE_READ_CONNECTIONS=${readConnections.a} (every statement outside a transaction on the one node-sqlite3 connection, which runs one at a time) and one with SQLITE_READ_CONNECTIONS=${readConnections.b} (SELECTs outside a transaction take turns on ${readConnections.b} connections: apps/api/src/db/connect.ts); plans asked on every list on both; ${config.load.windows} windows of ${config.load.windowSeconds} s each, alternating between the two, after a ${config.load.warmupSeconds} s warm-up each: median [min–max] over windows, ratios window by window. CPU: user + system time of that side's API process and of the PDP over all of its windows (/proc, 10 ms ticks), per list.`,
    ),
    breakdown: report.section(
      "4c. Where an API call spends its time (in-process, no HTTP)",
      ["procedure", "user"],
      ["whole call ms", "PDP ms (share)", "database ms (share)", "rest ms (share)"],
      `The API's real tRPC router called in the bench process (context from a bearer token, so authentication's query is included), with the PDP client and sequelize.query wrapped in clocks (overlapping calls counted once). "Rest" is tRPC, zod, JWT, building model instances and serializing. Median [min–max] of ${config.pdp.runs} calls after ${config.pdp.warmup} warm-up calls.`,
    ),
    explain: report.section(
      "EXPLAIN QUERY PLAN of each authorized query (largest size)",
      ["user", "statement"],
      ["index use"],
      "What SQLite does with the SQL Sequelize sends for the translated where (full plans below).",
    ),
  };
  for (const contacts of config.sizes) {
    sections.data.expect([size(contacts)]);
    for (const user of benchUserNames) sections.list.expect([size(contacts), user]);
    for (const user of benchUserNames) sections.peers?.expect([size(contacts), user]);
    for (const [lever, user] of expectedLevers(benchUserNames)) sections.levers.expect([size(contacts), lever, user]);
  }
  const largest = config.sizes[config.sizes.length - 1]!;
  for (const user of benchUserNames) {
    sections.growth.expect([user]);
    sections.proposedIndexes.expect([size(largest), user]);
    for (const statement of ["page", "count"]) sections.explain.expect([user, statement]);
  }
  sections.naive.expect([size(config.naiveSize), "sales", "measured"]);
  for (const name of planNames) sections.translation.expect([name]);
  for (const procedure of loadProcedures) {
    const cells = isCursorPage(procedure) ? config.load.extraConnections : config.load.connections;
    for (const connections of cells) sections.load.expect([procedure, String(connections)]);
  }
  for (const connections of verifyConnections(config.load)) sections.verify.expect([String(connections)]);
  for (const procedure of settingProcedures(config.mode)) {
    for (const connections of settingConnections(config.load)) {
      sections.transport.expect([procedure, String(connections)]);
      sections.planCache.expect([procedure, String(connections)]);
      sections.readConnections.expect([procedure, String(connections)]);
    }
  }
  for (const row of Object.values(pdpShareRows)) sections.pdpShare.expect(row);
  for (const procedure of procedures) sections.breakdown.expect([procedure, "sales"]);
  return sections;
}
