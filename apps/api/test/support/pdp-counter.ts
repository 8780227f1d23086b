import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What went through the counter: one entry per PDP request, by API path. */
export interface PdpCounter {
  /** Point the API's CERBOS_URL here. */
  url: string;
  /** How many PlanResources / CheckResources requests reached the PDP since the last reset. */
  counts(): { plan: number; check: number };
  reset(): void;
  close(): Promise<void>;
}

/**
 * An HTTP pass-through in front of the real PDP that counts the requests the API makes, so a
 * test can state how many PDP calls a procedure costs (the answers are the PDP's own).
 */
export async function startPdpCounter(target: string): Promise<PdpCounter> {
  let paths: string[] = [];
  const server: Server = createServer(async (req, res) => {
    paths.push(new URL(req.url ?? "/", "http://pdp").pathname);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([name, value]) =>
        typeof value === "string" && name !== "host" && name !== "connection" ? [[name, value]] : [],
      ),
    );
    try {
      const answer = await fetch(new URL(req.url ?? "/", target), {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      const body = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({
      plan: paths.filter((path) => path === "/api/plan/resources").length,
      check: paths.filter((path) => path === "/api/check/resources").length,
    }),
    reset: () => {
      paths = [];
    },
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
