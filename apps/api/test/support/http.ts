import { request } from "node:http";

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * One raw HTTP request to the API, optionally from a given local address (any 127.x.y.z is
 * this machine's loopback) and with headers the typed client never sends (X-Forwarded-For).
 */
export function httpRequest(
  url: string,
  options: { method?: "GET" | "POST"; body?: string; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...options.headers,
      ...(options.body === undefined ? {} : { "content-type": "application/json" }),
    };
    const req = request(
      url,
      {
        method: options.method ?? "GET",
        headers,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: kept as text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** `auth.login` over raw HTTP: the tRPC error code, or "OK" and the token. */
export async function rawLogin(
  baseUrl: string,
  credentials: { username: string; password: string },
  from: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<{ code: string; token?: string; message?: string }> {
  const answer = await httpRequest(`${baseUrl}/trpc/auth.login?batch=1`, {
    method: "POST",
    body: JSON.stringify({ 0: credentials }),
    ...from,
  });
  const item = (Array.isArray(answer.body) ? answer.body[0] : answer.body) as {
    result?: { data?: { token?: string } };
    error?: { message?: string; data?: { code?: string } };
  };
  if (item?.result?.data?.token) return { code: "OK", token: item.result.data.token };
  return { code: item?.error?.data?.code ?? `HTTP ${answer.status}`, message: item?.error?.message };
}
