import { request } from "node:http";
import { outcomeOf, type RawOutcome } from "../raw-trpc.ts";

/**
 * `auth.login` over node:http from a given local address (any 127.x.y.z is this machine's
 * loopback) with headers of the caller's choosing, e.g. a forged X-Forwarded-For.
 */
export function loginFrom(
  baseUrl: string,
  credentials: { username: string; password: string },
  from: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<RawOutcome> {
  const body = JSON.stringify({ 0: credentials });
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/trpc/auth.login?batch=1`,
      {
        method: "POST",
        headers: { ...from.headers, "content-type": "application/json" },
        ...(from.localAddress ? { localAddress: from.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => resolve(outcomeOf(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"))));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
