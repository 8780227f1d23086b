import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxBatchSize } from "../src/http/batch-limits.ts";
import { demoPassword, errorOf, type TestStack, testClient } from "../src/testing/index.ts";
import { httpRequest } from "./support/http.ts";
import { dialects, stackOn } from "./support/stack.ts";

// Issue 14: bounded batches (one HTTP batch carried 200 contacts.get, 200 PDP checks) and the
// security headers every response carries (src/http/). The database plays no part here, so one
// dialect suffices.
describe.each(dialects.slice(0, 1))("HTTP limits and headers (%s)", (dialect) => {
  let app: TestStack;
  let token: string;
  beforeAll(async () => {
    app = await stackOn(dialect);
    ({ token } = await app.anonymous.auth.login.mutate({ username: "john", password: demoPassword }));
  });
  afterAll(() => app?.stop());

  const batchOf = (count: number) => {
    const paths = Array(count).fill("contacts.get").join(",");
    const input = Object.fromEntries(Array.from({ length: count }, (_, index) => [index, { id: 1 }]));
    return `${app.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
  };

  it("refuses a batch of 200 calls as a whole, with a message that says what to do", async () => {
    const answer = await httpRequest(batchOf(200), { headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(400);
    const items = (Array.isArray(answer.body) ? answer.body : [answer.body]) as {
      error?: { message?: string; data?: { code?: string } };
    }[];
    expect(items.map((item) => item.error?.data?.code)).toEqual(items.map(() => "BAD_REQUEST"));
    expect(items[0]?.error?.message).toBe(
      `A batch may carry at most ${maxBatchSize} calls: send fewer at once (httpBatchLink maxItems).`,
    );
    // A client without maxItems sends them as one batch: every call fails with that message.
    const unbounded = testClient(app.url, token);
    const failures = await Promise.all(
      Array.from({ length: 200 }, () => errorOf(unbounded.contacts.get.query({ id: 1 }))),
    );
    expect(new Set(failures.map((failure) => `${failure.code}: ${failure.message}`))).toEqual(
      new Set([
        `BAD_REQUEST: A batch may carry at most ${maxBatchSize} calls: send fewer at once (httpBatchLink maxItems).`,
      ]),
    );
    // At the limit, the batch is served.
    const served = await httpRequest(batchOf(maxBatchSize), { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
    expect((served.body as unknown[]).length).toBe(maxBatchSize);
  });

  it("refuses a body over 1 MiB with PAYLOAD_TOO_LARGE and says the limit", async () => {
    const answer = await httpRequest(`${app.url}/trpc/contacts.create?batch=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ 0: { organizationId: 1, firstName: "x".repeat(1_100_000), lastName: "Big" } }),
    });
    expect(answer.status).toBe(413);
    const [item] = answer.body as { error: { message: string; data: { code: string } } }[];
    expect(item?.error.data.code).toBe("PAYLOAD_TOO_LARGE");
    expect(item?.error.message).toBe("A request body may be at most 1024 KiB.");
  });

  it("every response carries the security headers; API answers are never cached or rendered", async () => {
    for (const path of [
      "/health",
      "/trpc/health?batch=1&input=%7B%7D",
      "/trpc/auth.me?batch=1&input=%7B%7D",
      "/nope",
    ]) {
      const { headers } = await httpRequest(`${app.url}${path}`);
      expect(headers, path).toMatchObject({
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "no-referrer",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-resource-policy": "same-origin",
      });
      expect(headers["x-powered-by"], path).toBeUndefined();
      // No CORS: another origin's page cannot read the API's answers.
      expect(headers["access-control-allow-origin"], path).toBeUndefined();
    }
    const login = await httpRequest(`${app.url}/trpc/auth.login?batch=1`, {
      method: "POST",
      body: JSON.stringify({ 0: { username: "john", password: demoPassword } }),
    });
    expect(login.headers).toMatchObject({
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    });
  });
});
