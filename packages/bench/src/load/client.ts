import { Agent, request } from "node:http";
import { percentile } from "../stats.ts";

export interface Target {
  path: string;
  token: string;
}

export interface WindowResult {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  firstError: string | undefined;
}

/**
 * Keeps `connections` requests in flight for `seconds` (closed loop: each connection sends its
 * next request when the previous answers), over keep-alive sockets. `targetFor(connection, n)`
 * picks each request.
 */
export async function loadWindow(
  baseUrl: string,
  connections: number,
  seconds: number,
  targetFor: (connection: number, n: number) => Target,
): Promise<WindowResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async (connection: number) => {
    for (let n = 0; performance.now() < deadline; n++) {
      const target = targetFor(connection, n);
      const sent = performance.now();
      const outcome = await get(agent, baseUrl + target.path, target.token);
      latencies.push(performance.now() - sent);
      if (outcome !== "ok") {
        errors++;
        firstError ??= outcome;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, connection) => worker(connection)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    requestsPerSecond: latencies.length / elapsed,
    p50: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99: latencies.length ? percentile(latencies, 99) : Number.NaN,
    firstError,
  };
}

/** Resolves "ok" on HTTP 200, otherwise a short description (never rejects). */
function get(agent: Agent, url: string, token: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve(
          res.statusCode === 200 ? "ok" : `HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 200)}`,
        ),
      );
      res.on("error", (error) => resolve(error.message));
    });
    req.on("error", (error) => resolve(error.message));
    req.end();
  });
}

/** POSTs a tRPC mutation and returns its `result.data`. */
export async function trpcMutation<T>(baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result)
    throw new Error(`${procedure} failed: HTTP ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export async function trpcQuery<T>(baseUrl: string, procedure: string, input: unknown, token: string): Promise<T> {
  const response = await fetch(trpcQueryUrl(baseUrl, procedure, input), {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok || !body.result)
    throw new Error(`${procedure} failed: HTTP ${response.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

export function trpcQueryPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

function trpcQueryUrl(baseUrl: string, procedure: string, input: unknown): string {
  return baseUrl + trpcQueryPath(procedure, input);
}
