import { Agent, request } from "node:http";
import { outcomeOf, type RawOutcome } from "./raw-trpc.ts";

/** A tRPC answer with when its request left and when its answer arrived (performance.now()). */
export interface TimedOutcome extends RawOutcome {
  sentAt: number;
  receivedAt: number;
}

export interface ConnectionOptions {
  token?: string;
  /** The local address the socket is bound to (any 127.x.y.z is this machine's loopback). */
  localAddress?: string;
  headers?: Record<string, string>;
}

/**
 * One keep-alive HTTP connection to the API (an agent with a single socket), as a browser tab
 * or a script holds one: its requests go one after another over the same socket, so several
 * connections keep several requests in flight at once.
 */
export interface Connection {
  mutate(procedure: string, input: unknown): Promise<TimedOutcome>;
  query(procedure: string, input: unknown): Promise<TimedOutcome>;
  close(): void;
}

export function connection(baseUrl: string, options: ConnectionOptions = {}): Connection {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;

  const send = (method: "GET" | "POST", path: string, body?: string) =>
    new Promise<TimedOutcome>((resolve, reject) => {
      const sentAt = performance.now();
      const req = request(
        `${baseUrl}${path}`,
        {
          method,
          agent,
          headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
          ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            const outcome = outcomeOf(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"));
            resolve({ ...outcome, sentAt, receivedAt: performance.now() });
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  return {
    mutate: (procedure, input) => send("POST", `/trpc/${procedure}?batch=1`, JSON.stringify({ 0: input })),
    query: (procedure, input) =>
      send("GET", `/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`),
    close: () => agent.destroy(),
  };
}
