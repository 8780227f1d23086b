import { startPostgres, type ThrowawayPostgres } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ContactsApi, contactsApi, listAll } from "../src/contacts-api.ts";
import { postgresAvailable as available } from "../src/dialects.ts";
import { judgeOutcome } from "../src/judge.ts";
import { allowedCodes } from "../src/procedures.ts";
import { rawCall } from "../src/raw-trpc.ts";
import { type ApiStack, loginAll, serverBase, startApiStack } from "../src/stack.ts";

if (!available)
  console.warn("\n*** PostgreSQL binaries not found: reliability Postgres input checks SKIPPED (they run in CI) ***\n");

// Postgres is stricter than SQLite: integer columns are 32-bit and text may not hold NUL. Values
// the API's input schemas let through must still end in a client error, not a failed statement.
describe.runIf(available)("hostile input on Postgres", () => {
  let postgres: ThrowawayPostgres;
  let stack: ApiStack;
  let base: string;
  let api: ContactsApi;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    postgres = await startPostgres();
    stack = await startApiStack({
      cerbosUrl: inject("cerbosUrl"),
      databaseUrl: await postgres.createDatabase("reliability_input"),
    });
    base = serverBase(stack.url);
    api = contactsApi(base);
    tokens = await loginAll(base, ["alice", "john"]);
  });

  afterAll(async () => {
    await stack?.stop();
    await postgres?.stop();
  });

  it("answers ids beyond 32 bits and NUL characters with client errors", async () => {
    const big = 2 ** 31;
    const cases: [string, "query" | "mutation", Record<string, unknown>][] = [
      ["contacts.get", "query", { id: big }],
      ["contacts.get", "query", { id: Number.MAX_SAFE_INTEGER }],
      ["contacts.update", "mutation", { id: big, lastName: "x" }],
      ["contacts.delete", "mutation", { id: big }],
      ["contacts.list", "query", { organizationId: big }],
      ["contacts.list", "query", { companyId: big }],
      ["contacts.create", "mutation", { organizationId: big, firstName: "x", lastName: "x" }],
      ["contacts.create", "mutation", { organizationId: 1, companyId: big, firstName: "x", lastName: "x" }],
      ["contacts.permissions", "query", { organizationId: big }],
      ["companies.get", "query", { id: big }],
      ["companies.list", "query", { organizationId: big }],
      ["organizations.get", "query", { id: big }],
      ["organizations.members", "query", { organizationId: big }],
      ["contacts.create", "mutation", { organizationId: 1, firstName: "a\u0000b", lastName: "x" }],
      ["companies.create", "mutation", { organizationId: 1, name: "a\u0000b" }],
      ["auth.login", "mutation", { username: "a\u0000b", password: "password123" }],
    ];
    const answers: Record<string, string> = {};
    for (const [procedure, kind, input] of cases) {
      const outcome = await rawCall({ baseUrl: base, procedure, kind, token: tokens.alice, input });
      const verdict = judgeOutcome(outcome, allowedCodes(procedure));
      answers[`${procedure} ${JSON.stringify(input)}`] =
        verdict === undefined ? "client error or ok" : (outcome.code ?? "?");
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((key) => [key, "client error or ok"])));
  });

  it("searches for %, _ and \\ as literal characters", async () => {
    for (const lastName of ["100% Juice", "50%", "Under_score", "Back\\slash", "Plain"]) {
      const created = await api.create(tokens.john!, { organizationId: 1, firstName: "Special", lastName });
      expect(created.code).toBeUndefined();
    }
    const everything = await listAll(api, tokens.john!);
    const found: Record<string, number> = {};
    for (const term of ["%", "_", "\\", "%_"]) {
      const listed = (await listAll(api, tokens.john!, { search: term })).map((item) => item.id).sort((a, b) => a - b);
      const expected = everything
        .filter((item) => `${item.firstName} ${item.lastName}`.includes(term))
        .map((item) => item.id)
        .sort((a, b) => a - b);
      expect(listed, `search ${JSON.stringify(term)}`).toEqual(expected);
      found[term] = listed.length;
    }
    expect(found).toEqual({ "%": 2, _: 1, "\\": 1, "%_": 0 });
  });
});
