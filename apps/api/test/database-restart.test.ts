import { findPostgresBinDir, postgresRequired, startPostgres, type ThrowawayPostgres } from "@repo/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { errorOf, startTestStack, type TestStack } from "../src/testing/index.ts";

// A Postgres of this suite's own (it restarts it: the shared cluster serves other files).
const available = findPostgresBinDir() !== undefined || postgresRequired();

describe.skipIf(!available)("Postgres restarted under the API (fast shutdown: every session terminated)", () => {
  let postgres: ThrowawayPostgres;
  let app: TestStack;
  beforeAll(async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.createDatabase("restart");
    app = await startTestStack({ databaseUrl, cerbosUrl: inject("cerbosUrl") });
  });
  afterAll(async () => {
    await app?.stop();
    await postgres?.stop();
  });

  it("answers SERVICE_UNAVAILABLE while it is down, writes nothing, and serves again once it is back", async () => {
    const john = await app.as("john");
    const before = await john.contacts.list.query({});
    expect(before.total).toBe(4);

    const restarted = postgres.restart(2000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const calls = {
      list: () => john.contacts.list.query({}),
      get: () => john.contacts.get.query({ id: 1 }),
      create: () => john.contacts.create.mutate({ organizationId: 1, firstName: "Not", lastName: "Written" }),
      update: () => john.contacts.update.mutate({ id: 1, firstName: "Not written" }),
      login: () => app.anonymous.auth.login.mutate({ username: "john", password: "wrong" }),
    };
    for (const [name, call] of Object.entries(calls)) {
      const error = await errorOf(call());
      expect([error.code, error.httpStatus, error.message], name).toEqual([
        "SERVICE_UNAVAILABLE",
        503,
        "The database is unavailable; try again shortly.",
      ]);
    }
    expect(await app.anonymous.health.query()).toEqual({ database: "down", pdp: "ok" });
    await restarted;

    // The pool drops the terminated connections and opens new ones: no API restart.
    const after = await john.contacts.list.query({});
    expect(after.total).toBe(4);
    expect(after.items.map((item) => [item.id, item.firstName])).toEqual(
      before.items.map((item) => [item.id, item.firstName]),
    );
    expect(await app.anonymous.health.query()).toEqual({ database: "ok", pdp: "ok" });
  });
});
