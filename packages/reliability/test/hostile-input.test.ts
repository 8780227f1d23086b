import { createTRPCUntypedClient, httpBatchLink, TRPCClientError, type TRPCUntypedClient } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { budget } from "../src/budget.ts";
import { type ContactsApi, contactsApi, idOf, listAll, pageOf } from "../src/contacts-api.ts";
import { suiteDialects } from "../src/dialects.ts";
import { envelope, envelopeCodes } from "../src/envelopes.ts";
import { judgeOutcome, preview } from "../src/judge.ts";
import { contactsFromDb, createOracle, principalFromDb } from "../src/oracle.ts";
import { allowedCodes, procedureSpecs } from "../src/procedures.ts";
import { rawCall } from "../src/raw-trpc.ts";
import { report } from "../src/report.ts";
import { type ApiStack, loginAll, serverBase, startApiStack } from "../src/stack.ts";
import { Tally } from "../src/tally.ts";

const fuzzUsers = ["alice", "john", "sarah", "geri", "ivan", "olga", "bill"];
const specialNames = [
  "100% Juice",
  "50%",
  "%",
  "Under_score",
  "Back\\slash",
  "It's",
  'Say "hi"',
  "semi;colon",
  "dash--dash",
];

// Whatever arrives, the API answers with a success or a client error the caller can act on:
// never an internal error, never a crash, and text is data, never SQL. On SQLite and on
// Postgres (stricter: 32-bit integers, no NUL in text), each on a fresh database of its own.
describe.each(suiteDialects("hostile input"))("hostile input (%s)", (dialect) => {
  let stack: ApiStack;
  let base: string;
  let api: ContactsApi;
  let tokens: Record<string, string>;
  const realCursors: string[] = [];
  const clients = new Map<string, TRPCUntypedClient<AnyRouter>>();

  beforeAll(async () => {
    stack = await startApiStack({ cerbosUrl: inject("cerbosUrl"), dialect });
    base = serverBase(stack.url);
    api = contactsApi(base);
    tokens = await loginAll(base, fuzzUsers);
    for (const lastName of specialNames) {
      const created = await api.create(tokens.john!, { organizationId: 1, firstName: "Special", lastName });
      idOf(created);
      await api.create(tokens.olga!, { organizationId: 2, firstName: "Other org", lastName });
    }
    await api.create(tokens.john!, { organizationId: 1, firstName: "Decoy", lastName: "100 Juice" });
    for (const user of ["alice", "john", "sarah", "olga"]) {
      for (const sortBy of ["lastName", "createdAt", "company"]) {
        const page = pageOf(await api.list(tokens[user]!, { limit: 1, sortBy }));
        if (page.nextCursor) realCursors.push(page.nextCursor);
      }
    }
    for (const who of ["none", ...fuzzUsers]) {
      const token = tokens[who];
      clients.set(
        who,
        createTRPCUntypedClient({
          links: [
            httpBatchLink({ url: `${base}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
          ],
        }),
      );
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("searches for %, _ and \\ as literal characters, only among readable contacts", async () => {
    const db = stack.sql;
    const oracle = createOracle(inject("cerbosUrl"));
    const checked: Record<string, number> = {};
    for (const user of ["john", "geri", "olga"]) {
      const principal = (await principalFromDb(db, user))!;
      const all = await contactsFromDb(db);
      const readable = await oracle.allowed(principal, [...all.values()]);
      const names = new Map(
        (
          await db.all<{ id: number; fullName: string }>(
            `SELECT "id", "firstName" || ' ' || "lastName" AS "fullName" FROM "contacts"`,
          )
        ).map((row) => [String(row.id), row.fullName]),
      );
      for (const term of ["%", "_", "\\", "%_", "'", '"', ";", "--", "100%"]) {
        const found = (await listAll(api, tokens[user]!, { search: term })).map((item) => String(item.id)).sort();
        const expected = [...readable].filter((id) => names.get(id)?.includes(term)).sort();
        expect(found, `${user} searching ${JSON.stringify(term)}`).toEqual(expected);
        checked[`${user} ${term}`] = found.length;
      }
    }
    // The seeded special names are there to be found: the comparison was not vacuous.
    expect(checked["john %"]).toBeGreaterThanOrEqual(3);
    expect(checked["john _"]).toBeGreaterThanOrEqual(1);
    expect(checked["john \\"]).toBeGreaterThanOrEqual(1);
    expect(checked["olga %"]).toBeGreaterThanOrEqual(3);
    expect(checked["geri %"]).toBe(0);
  });

  it("answers a NUL character in any text field with a client error", async () => {
    const nul = "a\u0000b";
    const cases: [string, "query" | "mutation", Record<string, unknown>][] = [
      ["auth.login", "mutation", { username: nul, password: "password123" }],
      ["auth.login", "mutation", { username: "john", password: nul }],
      ["contacts.list", "query", { search: nul }],
      ["contacts.list", "query", { tag: nul }],
      ["contacts.create", "mutation", { organizationId: 1, firstName: nul, lastName: "x" }],
      ["contacts.create", "mutation", { organizationId: 1, firstName: "x", lastName: "x", ownerId: nul }],
      ["contacts.create", "mutation", { organizationId: 1, firstName: "x", lastName: "x", tags: [nul] }],
      ["contacts.update", "mutation", { id: 1, ownerId: nul }],
      ["contacts.update", "mutation", { id: 1, tags: [nul] }],
      ["companies.create", "mutation", { organizationId: 1, name: nul }],
      ["organizations.addMember", "mutation", { organizationId: 1, userId: nul, role: "member" }],
      ["organizations.assignRole", "mutation", { organizationId: 1, userId: nul, role: "member" }],
      ["organizations.removeMember", "mutation", { organizationId: 1, userId: nul }],
      ["users.ban", "mutation", { userId: nul }],
      ["users.unban", "mutation", { userId: nul }],
    ];
    const answers: Record<string, string> = {};
    for (const [procedure, kind, input] of cases) {
      const outcome = await rawCall({ baseUrl: base, procedure, kind, token: tokens.alice, input });
      const key = `${procedure} ${Object.keys(input).find((field) => JSON.stringify(input[field]).includes("\\u0000"))}`;
      answers[key] = judgeOutcome(outcome, allowedCodes(procedure)) === undefined ? "ok" : (outcome.code ?? "?");
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((key) => [key, "ok"])));
  });

  it(`answers ${budget.fuzzRuns} hostile inputs to every procedure with client errors only`, async () => {
    const specs = procedureSpecs(realCursors);
    const tally = new Tally();
    const problems: string[] = [];
    const byName = new Map(specs.map((spec) => [spec.name, spec]));
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    // The case names its procedure (not the spec object) so a counterexample prints readably.
    const caseArbitrary = fc.constantFrom(...specs.map((spec) => spec.name)).chain((name) => {
      const spec = byName.get(name)!;
      return fc.record({
        name: fc.constant(name),
        input: spec.input,
        who:
          spec.tokens === "any"
            ? fc.constantFrom(...fuzzUsers, ...fuzzUsers, "none", "garbage")
            : fc.constantFrom("none", "garbage"),
        via: fc.constantFrom("raw" as const, "raw" as const, "client" as const),
      });
    });
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ name, input, who, via }) => {
        const spec = byName.get(name)!;
        const token = who === "garbage" ? "x.y.z" : tokens[who];
        let problem: string | undefined;
        let code = "OK";
        if (via === "raw") {
          const outcome = await rawCall({ baseUrl: base, procedure: spec.name, kind: spec.kind, token, input }).catch(
            (error: unknown) => ({ failed: String(error) }),
          );
          if ("failed" in outcome) problem = `request failed: ${outcome.failed}`;
          else {
            problem = judgeOutcome(outcome, allowedCodes(spec.name));
            code = outcome.code ?? (outcome.codes.length === 0 ? `HTTP ${outcome.status}` : "OK");
          }
        } else {
          const client = clients.get(who === "garbage" ? "none" : who)!;
          try {
            await (spec.kind === "query" ? client.query(spec.name, input) : client.mutation(spec.name, input));
          } catch (error) {
            ({ code, problem } = judgeClientError(error, allowedCodes(spec.name)));
            // Node refuses a request line over 16 kB (431, empty body); the client then cannot parse it.
            if (
              code === "NO_CODE" &&
              spec.kind === "query" &&
              encodeURIComponent(JSON.stringify(input)).length > 16_000
            ) {
              code = "HTTP 431";
              problem = undefined;
            }
          }
        }
        tally.add(`${spec.name} ${code}`);
        tally.add(code);
        if (problem) problems.push(`${spec.name} as ${who} via ${via} with ${preview(input)} → ${problem}`);
        // Keep going: one run lists every distinct defect rather than the first.
        return true;
      }),
      { numRuns: budget.fuzzRuns, seed },
    );
    console.info(`hostile input (${dialect}, FUZZ_SEED=${seed}):`, JSON.stringify(tally));
    report(`hostile input (${dialect})`, {
      requests: budget.fuzzRuns,
      served: tally.get("OK"),
      refused: budget.fuzzRuns - tally.get("OK") - problems.length,
      serverErrors: problems.filter((problem) => !problem.includes("request failed")).length,
      crashes: problems.filter((problem) => problem.includes("request failed")).length,
      seed,
    });
    expect(firstOfEachKind(problems)).toEqual([]);
    expect(tally.get("OK")).toBeGreaterThanOrEqual(budget.fuzzRuns / 20);
    expect(tally.get("BAD_REQUEST")).toBeGreaterThanOrEqual(budget.fuzzRuns / 5);
    for (const spec of specs) expect(tally.toJSON(), spec.name).toSatisfy(hasAnyOf(spec.name));
  });

  // Protocol level (broken JSON, wrong batch keys and methods, huge bodies): refused before any
  // statement runs, so the same on every database; run once, on SQLite.
  if (dialect !== "sqlite") return;
  it(`answers ${Math.round(budget.fuzzRuns / 4)} malformed envelopes with protocol or client errors`, async () => {
    const tally = new Tally();
    const problems: string[] = [];
    await fc.assert(
      fc.asyncProperty(envelope, fc.constantFrom(undefined, tokens.john, tokens.alice), async (request, token) => {
        const outcome = await rawCall({ ...request, baseUrl: base, token }).catch((error: unknown) => ({
          failed: String(error),
        }));
        const problem =
          "failed" in outcome ? `request failed: ${outcome.failed}` : judgeOutcome(outcome, envelopeCodes);
        tally.add("failed" in outcome ? "failed" : (outcome.code ?? `HTTP ${outcome.status}`));
        if (problem)
          problems.push(
            `${request.kind} ${request.procedure} ${preview(request.rawBody ?? request.rawQuery ?? request.input)} → ${problem}`,
          );
        return true;
      }),
      { numRuns: Math.round(budget.fuzzRuns / 4) },
    );
    console.info("malformed envelopes:", JSON.stringify(tally));
    report("malformed envelopes", {
      requests: Math.round(budget.fuzzRuns / 4),
      problems: problems.length,
      crashes: tally.get("failed"),
    });
    expect(firstOfEachKind(problems)).toEqual([]);
    expect(tally.get("BAD_REQUEST") + tally.get("PARSE_ERROR")).toBeGreaterThanOrEqual(budget.fuzzRuns / 40);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
  });
});

/** One example per procedure and outcome, so a systematic defect shows once, not a thousand times. */
function firstOfEachKind(problems: string[]): string[] {
  const seen = new Map<string, string>();
  for (const problem of problems) {
    const kind = `${problem.split(" ")[0]} ${problem.split(" → ")[1]?.slice(0, 40)}`;
    if (!seen.has(kind)) seen.set(kind, problem);
  }
  return [...seen.values()].slice(0, 30);
}

function hasAnyOf(procedure: string) {
  return (counts: Record<string, number>) => Object.keys(counts).some((key) => key.startsWith(`${procedure} `));
}

function judgeClientError(error: unknown, allowed: ReadonlySet<string>): { code: string; problem: string | undefined } {
  if (!(error instanceof TRPCClientError)) return { code: "THROWN", problem: `not a tRPC error: ${String(error)}` };
  const data: unknown = error.data;
  const code = typeof data === "object" && data !== null && "code" in data ? String(data.code) : undefined;
  if (code !== undefined) return { code, problem: allowed.has(code) ? undefined : `code ${code}: ${error.message}` };
  const meta: unknown = error.meta;
  const response = typeof meta === "object" && meta !== null && "response" in meta ? meta.response : undefined;
  const status = response instanceof Response ? response.status : undefined;
  if (status === 413 || status === 414 || status === 431) return { code: `HTTP ${status}`, problem: undefined };
  return { code: "NO_CODE", problem: `no tRPC code (HTTP ${status}): ${error.message}` };
}
