import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { maxBatchSize } from "@repo/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, maxBatchItems } from "./create-client.ts";

// A stand-in tRPC endpoint that records what the client sends and answers one batch item.
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
const server = createServer((req, res) => {
  seen.push({ url: req.url ?? "", headers: req.headers });
  res.setHeader("content-type", "application/json");
  // One answer per call of the batch (the paths are comma-separated).
  const calls = (req.url ?? "").split("?")[0]!.split(",").length;
  res.end(JSON.stringify(Array.from({ length: calls }, () => ({ result: { data: { ok: true } } }))));
});
let url = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("createClient", () => {
  it("sends the current token as a bearer token, read on every request", async () => {
    let token: string | null = "first";
    const client = createClient({ url, getToken: () => token });
    seen.length = 0;
    await client.health.query();
    token = "second";
    await client.health.query();
    token = null;
    await client.health.query();
    expect(seen.map((s) => s.headers.authorization)).toEqual(["Bearer first", "Bearer second", undefined]);
  });

  it("calls the procedure path on the configured URL with batching", async () => {
    const client = createClient({ url, getToken: () => undefined });
    seen.length = 0;
    await expect(client.health.query()).resolves.toEqual({ ok: true });
    expect(seen[0]?.url).toMatch(/^\/trpc\/health\?batch=1/);
  });

  it("splits a burst of calls into batches of at most maxBatchItems, below the API's limit", async () => {
    const client = createClient({ url, getToken: () => undefined });
    seen.length = 0;
    const answers = await Promise.all(Array.from({ length: 45 }, () => client.health.query()));
    expect(answers).toHaveLength(45);
    const sizes = seen.map((request) => (request.url.split("?")[0] ?? "").split(",").length);
    expect(Math.max(...sizes)).toBe(maxBatchItems);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(45);
    expect(maxBatchItems).toBeLessThanOrEqual(maxBatchSize);
  });
});
