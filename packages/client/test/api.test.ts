import { demoPassword, startTestStack, type TestStack } from "@repo/api/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cerbosCallIdOf, createClient, errorCode, isForbidden, isUnauthorized, zodIssuesOf } from "../src/index.ts";
import type {} from "./provided-context.ts";

// The API through the shared test stack (@repo/api/testing), called with this package's client.
let api: TestStack;

beforeAll(async () => {
  api = await startTestStack({ cerbosUrl: inject("cerbosUrl"), logLevel: "warn" });
});
afterAll(() => api?.stop());

async function signedInClient(username: string) {
  const anonymous = createClient({ url: `${api.url}/trpc`, getToken: () => null });
  const { token } = await anonymous.auth.login.mutate({ username, password: demoPassword });
  return createClient({ url: `${api.url}/trpc`, getToken: () => token });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected the call to fail");
}

describe("client against the real API and PDP", () => {
  it("lists exactly what john may read, with each row's allowed actions", async () => {
    const john = await signedInClient("john");
    const page = await john.contacts.list.query({ organizationId: 1, sortBy: "firstName", limit: 50 });
    expect(page.total).toBe(4);
    const rows = page.items.map((c) => [c.id, c.allowedActions.delete]);
    expect(rows.sort()).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [5, false],
    ]);
  });

  it("sends no token when signed out, and the API answers UNAUTHORIZED", async () => {
    const anonymous = createClient({ url: `${api.url}/trpc`, getToken: () => undefined });
    const err = await caught(anonymous.contacts.list.query({ organizationId: 1 }));
    expect(isUnauthorized(err)).toBe(true);
  });

  it("reads a denial's Cerbos call id", async () => {
    const john = await signedInClient("john");
    const err = await caught(john.contacts.delete.mutate({ id: 3 }));
    expect(isForbidden(err)).toBe(true);
    expect(cerbosCallIdOf(err)).toMatch(/^\w+/);
  });

  it("reads the zod issues of invalid input", async () => {
    const john = await signedInClient("john");
    const err = await caught(john.contacts.list.query({ organizationId: 1, limit: 500 }));
    expect(errorCode(err)).toBe("BAD_REQUEST");
    expect(zodIssuesOf(err).map((issue) => issue.path)).toEqual([["limit"]]);
  });

  it("tells geri she may not create contacts in Acme Corp", async () => {
    const geri = await signedInClient("geri");
    await expect(geri.contacts.permissions.query({ organizationId: 1 })).resolves.toEqual({
      canCreate: false,
      reasons: ["Only the Sales department may add contacts."],
    });
  });

  it("200 calls at once all succeed: the client batches them below the API's batch limit", async () => {
    const john = await signedInClient("john");
    const contacts = await Promise.all(Array.from({ length: 200 }, () => john.contacts.get.query({ id: 1 })));
    expect(new Set(contacts.map((contact) => contact.id))).toEqual(new Set([1]));
  });
});
